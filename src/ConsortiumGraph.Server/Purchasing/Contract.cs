using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Purchasing;

/// <summary>The award of a purchasing round: one vendor's quote, its price per unit and its term. Members buy under it.</summary>
public sealed class Contract : Entity
{
    public int RoundId { get; set; }
    public PurchasingRound Round { get; set; } = null!;
    public int QuoteId { get; set; }
    public Quote Quote { get; set; } = null!;
    public int VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
    /// <summary>The contract price per unit: the quote's.</summary>
    public decimal UnitPrice { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateOnly AwardedOn { get; set; }
    /// <summary>Why this quote (lowest price, or the reason another was passed over).</summary>
    public string? Reason { get; set; }
    public List<PurchaseLine> Purchases { get; set; } = [];
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> c)
    {
        c.Property(x => x.Reason).HasMaxLength(2000);
        c.HasIndex(x => x.RoundId).IsUnique();
        c.HasIndex(x => x.VendorId);
        c.HasOne(x => x.Round).WithOne(x => x.Contract).HasForeignKey<Contract>(x => x.RoundId);
        c.HasOne(x => x.Quote).WithMany().HasForeignKey(x => x.QuoteId);
        c.HasOne(x => x.Vendor).WithMany().HasForeignKey(x => x.VendorId);
    }
}
