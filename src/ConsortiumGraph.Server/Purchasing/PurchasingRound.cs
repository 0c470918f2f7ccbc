using System.ComponentModel;
using ConsortiumGraph.Data;
using ConsortiumGraph.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConsortiumGraph.Purchasing;

/// <summary>
/// A joint purchase a partnership puts out for quotes: what is bought, by which unit, roughly how many. It is
/// awarded to one vendor's quote, which becomes the contract its members buy under. Revised: quotes and the
/// award serialize on it, so a round is awarded once.
/// </summary>
public sealed class PurchasingRound : RevisedEntity
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
    /// <summary>What is bought ("Type C school bus", "Diesel fuel").</summary>
    public required string Item { get; set; }
    /// <summary>The unit prices are per ("bus", "gallon", "student license").</summary>
    public required string Unit { get; set; }
    public string? Specification { get; set; }
    /// <summary>How many units the members expect to buy over the contract, for vendors' pricing and for approvals.</summary>
    public int EstimatedQuantity { get; set; }
    public DateOnly QuotesDueOn { get; set; }
    public PurchasingRoundStatus Status { get; set; }
    public DateTime OpenedAt { get; set; }
    /// <summary>Why the round was cancelled without an award.</summary>
    public string? CancellationReason { get; set; }
    public List<Quote> Quotes { get; set; } = [];
    public Contract? Contract { get; set; }
}

[Description("Where a purchasing round stands.")]
public enum PurchasingRoundStatus
{
    [Description("Taking quotes.")] Open,
    [Description("Awarded: a contract is in place.")] Awarded,
    [Description("Cancelled without an award.")] Cancelled,
}

internal sealed class PurchasingRoundConfiguration : IEntityTypeConfiguration<PurchasingRound>
{
    public void Configure(EntityTypeBuilder<PurchasingRound> r)
    {
        r.Property(x => x.Item).HasMaxLength(200);
        r.Property(x => x.Unit).HasMaxLength(50);
        r.Property(x => x.Specification).HasMaxLength(4000);
        r.Property(x => x.CancellationReason).HasMaxLength(2000);
        r.HasIndex(x => new { x.PartnershipId, x.QuotesDueOn });
        r.HasOne(x => x.Partnership).WithMany().HasForeignKey(x => x.PartnershipId);
    }
}
