using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>An organization that funds consortium work a single small district could not attract.</summary>
public sealed class Funder : Entity
{
    public required string Name { get; set; }
    public List<Grant> Grants { get; set; } = [];
}

public sealed class Grant : Entity
{
    public int FunderId { get; set; }
    public Funder Funder { get; set; } = null!;
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    /// <summary>The partnership's fiscal agent when the grant was awarded.</summary>
    public int FiscalAgentId { get; set; }
    public District FiscalAgent { get; set; } = null!;
    public decimal Amount { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Funder>, IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Funder> f)
    {
        f.Property(x => x.Name).HasMaxLength(200);
        f.HasIndex(x => x.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Grant> g)
    {
        g.HasIndex(x => x.PartnershipId);
        g.HasIndex(x => x.FunderId);
        g.HasOne(x => x.Funder).WithMany(x => x.Grants).HasForeignKey(x => x.FunderId);
        g.HasOne(x => x.Partnership).WithMany(x => x.Grants).HasForeignKey(x => x.PartnershipId);
        g.HasOne(x => x.FiscalAgent).WithMany().HasForeignKey(x => x.FiscalAgentId);
    }
}
