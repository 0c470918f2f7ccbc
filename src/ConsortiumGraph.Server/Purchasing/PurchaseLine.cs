using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Purchasing;

/// <summary>
/// One district's purchase through a joint-purchasing partnership: what it paid at the consortium's
/// price, and what it would have paid alone. The difference times the quantity is the saving.
/// </summary>
public sealed class PurchaseLine : Entity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    /// <summary>The contract bought under; null for purchases recorded before contracts were (their price is as recorded).</summary>
    public int? ContractId { get; set; }
    public Contract? Contract { get; set; }
    public required string Item { get; set; }
    /// <summary>Whole units of the round's unit.</summary>
    public int Quantity { get; set; }
    public decimal ConsortiumUnitPrice { get; set; }
    public decimal StandaloneUnitPrice { get; set; }
    /// <summary>Where the standalone price comes from: what makes the saving credible to a business official.</summary>
    public StandalonePriceSource StandalonePriceSource { get; set; }
    public string? StandalonePriceNote { get; set; }
    public DateOnly PurchasedOn { get; set; }
    /// <summary>The member's own approval of the purchase (a purchase order, a board minute), when it has one.</summary>
    public string? ApprovalReference { get; set; }
}

[Description("What a standalone price is evidence of: the price the district would have paid buying alone.")]
public enum StandalonePriceSource
{
    [Description("Not recorded (purchases recorded before sources were).")] Unstated,
    [Description("A quote the district got for buying alone.")] Quote,
    [Description("What the district paid last year, on its invoice.")] LastYearInvoice,
    [Description("The vendor's published list price.")] ListPrice,
}

internal sealed class PurchaseLineConfiguration : IEntityTypeConfiguration<PurchaseLine>
{
    public void Configure(EntityTypeBuilder<PurchaseLine> p)
    {
        p.Property(x => x.Item).HasMaxLength(200);
        p.Property(x => x.StandalonePriceNote).HasMaxLength(400);
        p.Property(x => x.ApprovalReference).HasMaxLength(200);
        p.HasIndex(x => new { x.PartnershipId, x.PurchasedOn });
        p.HasIndex(x => new { x.ContractId, x.DistrictId });
        p.HasIndex(x => x.DistrictId);
        p.HasOne(x => x.Partnership).WithMany(x => x.Purchases).HasForeignKey(x => x.PartnershipId);
        p.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
        p.HasOne(x => x.Contract).WithMany(x => x.Purchases).HasForeignKey(x => x.ContractId);
    }
}
