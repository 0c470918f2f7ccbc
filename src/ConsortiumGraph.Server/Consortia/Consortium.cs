using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Consortia;

public sealed class Consortium : RevisedEntity
{
    public required string Name { get; set; }
    public required string SharedGoal { get; set; }
    public List<ConsortiumMembership> Memberships { get; set; } = [];
    public List<Partnership> Partnerships { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
}

/// <summary>A district's membership in a consortium; a district may belong to several.</summary>
public sealed class ConsortiumMembership : Entity
{
    public int ConsortiumId { get; set; }
    public Consortium Consortium { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public DateOnly JoinedOn { get; set; }
}

internal sealed class ConsortiumConfiguration : IEntityTypeConfiguration<Consortium>, IEntityTypeConfiguration<ConsortiumMembership>
{
    public void Configure(EntityTypeBuilder<Consortium> c)
    {
        c.Property(x => x.Name).HasMaxLength(200);
        c.Property(x => x.SharedGoal).HasMaxLength(2000);
        c.HasIndex(x => x.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ConsortiumMembership> m)
    {
        m.HasIndex(x => new { x.ConsortiumId, x.DistrictId }).IsUnique();
        m.HasIndex(x => x.DistrictId);
        m.HasOne(x => x.Consortium).WithMany(x => x.Memberships).HasForeignKey(x => x.ConsortiumId);
        m.HasOne(x => x.District).WithMany(x => x.ConsortiumMemberships).HasForeignKey(x => x.DistrictId);
    }
}
