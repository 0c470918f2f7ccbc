using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Grants;

/// <summary>
/// An organization that funds consortium work a single small district could not attract: a foundation,
/// a state or federal program. One record per funder on the installation, whatever consortia it funds.
/// </summary>
public sealed class Funder : RevisedEntity
{
    public required string Name { get; set; }
    public string? Website { get; set; }
    /// <summary>Where the consortium's business officials send reports and drawdown requests.</summary>
    public string? ContactEmail { get; set; }
    public List<Grant> Grants { get; set; } = [];
}

internal sealed class FunderConfiguration : IEntityTypeConfiguration<Funder>
{
    public void Configure(EntityTypeBuilder<Funder> f)
    {
        f.Property(x => x.Name).HasMaxLength(200);
        f.Property(x => x.Website).HasMaxLength(400);
        f.Property(x => x.ContactEmail).HasMaxLength(320);
        f.HasIndex(x => x.Name).IsUnique();
    }
}
