using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Purchasing;

/// <summary>A vendor's price per unit for a purchasing round; one per vendor and round.</summary>
public sealed class Quote : Entity
{
    public int RoundId { get; set; }
    public PurchasingRound Round { get; set; } = null!;
    public int VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
    public decimal UnitPrice { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Terms { get; set; }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> q)
    {
        q.Property(x => x.Terms).HasMaxLength(2000);
        q.HasIndex(x => new { x.RoundId, x.VendorId }).IsUnique();
        q.HasIndex(x => x.VendorId);
        q.HasOne(x => x.Round).WithMany(x => x.Quotes).HasForeignKey(x => x.RoundId);
        q.HasOne(x => x.Vendor).WithMany().HasForeignKey(x => x.VendorId);
    }
}
