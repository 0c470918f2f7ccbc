using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

[Description("A vendor's price per unit for an open purchasing round; one per vendor.")]
public sealed class RecordQuoteInput
{
    [Description("The round; it must be OPEN.")]
    [Id]
    public required string RoundId { get; init; }
    [Description("The vendor, on the round's consortium's list.")]
    [Id]
    public required string VendorId { get; init; }
    [Description("The price per unit, exact to the cent; more than 0.")]
    public required decimal UnitPrice { get; init; }
    [Description("The day the quote arrived; today when omitted. Not in the future.")]
    public DateOnly? ReceivedOn { get; init; }
    [Description("The last day the vendor holds the price.")]
    public DateOnly? ValidUntil { get; init; }
    [Description("Delivery, warranty and payment terms, at most 2000 characters.")]
    public string? Terms { get; init; }
    [Description("The round's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
