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
    /// <summary>The ISO 4217 code every amount of money in the consortium is in, stated once here rather than on each amount.</summary>
    public string Currency { get; set; } = DefaultCurrency;
    /// <summary>The day it was archived: read-only from then on, with nothing deleted.</summary>
    public DateOnly? ArchivedOn { get; set; }
    public string? ArchiveReason { get; set; }
    public List<ConsortiumMembership> Memberships { get; set; } = [];
    public List<Partnership> Partnerships { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];

    public const string DefaultCurrency = "USD";
}

/// <summary>A district's membership in a consortium; a district may belong to several.</summary>
public sealed class ConsortiumMembership : Entity
{
    public int ConsortiumId { get; set; }
    public Consortium Consortium { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public DateOnly JoinedOn { get; set; }
    /// <summary>The day the district left (<c>removeConsortiumMember</c>); its history stays, it takes no new work. Joining again clears it.</summary>
    public DateOnly? LeftOn { get; set; }
}

internal sealed class ConsortiumConfiguration : IEntityTypeConfiguration<Consortium>, IEntityTypeConfiguration<ConsortiumMembership>
{
    public void Configure(EntityTypeBuilder<Consortium> c)
    {
        c.Property(x => x.Name).HasMaxLength(200);
        c.Property(x => x.SharedGoal).HasMaxLength(2000);
        c.Property(x => x.ArchiveReason).HasMaxLength(2000);
        c.Property(x => x.Currency).HasMaxLength(3);
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
