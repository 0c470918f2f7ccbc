using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Purchasing;

/// <summary>A supplier a consortium asks for quotes. Each consortium keeps its own list, so no other consortium's admin renames it.</summary>
public sealed class Vendor : RevisedEntity
{
    public int ConsortiumId { get; set; }
    public Consortia.Consortium Consortium { get; set; } = null!;
    public required string Name { get; set; }
    public string? ContactEmail { get; set; }
    public string? Website { get; set; }
}

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> v)
    {
        v.Property(x => x.Name).HasMaxLength(200);
        v.Property(x => x.ContactEmail).HasMaxLength(320);
        v.Property(x => x.Website).HasMaxLength(400);
        v.HasIndex(x => new { x.ConsortiumId, x.Name }).IsUnique();
        v.HasOne(x => x.Consortium).WithMany().HasForeignKey(x => x.ConsortiumId);
    }
}
