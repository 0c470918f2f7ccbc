using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Agreements;

/// <summary>A version of a partnership's memorandum of understanding; the highest version is the current one.</summary>
public sealed class Agreement : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Terms { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public List<Signature> Signatures { get; set; } = [];
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
