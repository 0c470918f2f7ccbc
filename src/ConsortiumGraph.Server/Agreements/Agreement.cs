using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Agreements;

/// <summary>
/// A version of a partnership's memorandum of understanding. The highest version is the current one
/// (the one members sign); the partnership works under the version in force until a newer one is signed
/// by every member, which then supersedes it.
/// </summary>
public sealed class Agreement : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Terms { get; set; }
    /// <summary>The day it took effect: when the last member signed.</summary>
    public DateOnly? EffectiveOn { get; set; }
    /// <summary>The last day of its term; past it, an agreement in force is EXPIRED until renewed.</summary>
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>Stored as PENDING, IN_FORCE or SUPERSEDED; EXPIRED is IN_FORCE past <see cref="ExpiresOn"/>, read with <see cref="StatusOn"/>.</summary>
    public AgreementStatus Status { get; set; }
    /// <summary>What this version changed and why (an amendment's summary, or a renewal's new term).</summary>
    public string? ChangeSummary { get; set; }
    public List<Signature> Signatures { get; set; } = [];

    public AgreementStatus StatusOn(DateOnly day) =>
        Status == AgreementStatus.InForce && ExpiresOn is { } expires && expires < day ? AgreementStatus.Expired : Status;
}

[Description("Where a version of an agreement stands.")]
public enum AgreementStatus
{
    [Description("The current version, waiting for every member's signature; the version before it (if any) stays in force meanwhile.")] Pending,
    [Description("Signed by every member; the partnership works under it.")] InForce,
    [Description("Replaced by a newer version that every member signed.")] Superseded,
    [Description("In force once, and past its expiry date without a renewal signed by every member.")] Expired,
}

public sealed class Signature : Entity
{
    public int AgreementId { get; set; }
    public Agreement Agreement { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public required string SignedBy { get; set; }
    public DateTime SignedAt { get; set; }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>, IEntityTypeConfiguration<Signature>
{
    public void Configure(EntityTypeBuilder<Agreement> a)
    {
        a.Property(x => x.Title).HasMaxLength(200);
        a.Property(x => x.Terms).HasMaxLength(20000);
        a.Property(x => x.ChangeSummary).HasMaxLength(2000);
        a.HasIndex(x => new { x.Status, x.ExpiresOn });
        a.HasIndex(x => new { x.PartnershipId, x.Version }).IsUnique();
        a.HasOne(x => x.Partnership).WithMany(x => x.Agreements).HasForeignKey(x => x.PartnershipId);
    }

    public void Configure(EntityTypeBuilder<Signature> s)
    {
        s.Property(x => x.SignedBy).HasMaxLength(200);
        s.HasIndex(x => new { x.AgreementId, x.DistrictId }).IsUnique();
        s.HasOne(x => x.Agreement).WithMany(x => x.Signatures).HasForeignKey(x => x.AgreementId);
        s.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
