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
    public required string Item { get; set; }
    public int Quantity { get; set; }
    public decimal ConsortiumUnitPrice { get; set; }
    public decimal StandaloneUnitPrice { get; set; }
    public DateOnly PurchasedOn { get; set; }
}

internal sealed class PurchaseLineConfiguration : IEntityTypeConfiguration<PurchaseLine>
{
    public void Configure(EntityTypeBuilder<PurchaseLine> p)
    {
        p.Property(x => x.Item).HasMaxLength(200);
        p.HasIndex(x => new { x.PartnershipId, x.PurchasedOn });
        p.HasOne(x => x.Partnership).WithMany().HasForeignKey(x => x.PartnershipId);
        p.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId);
    }
}
