using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

[Description("What a member district bought under a contract, at the contract's price, and what it would have paid alone. Its staff, or its consortium's admins.")]
public sealed class RecordPurchaseInput
{
    [Description("The contract bought under.")]
    [Id]
    public required string ContractId { get; init; }
    [Description("The member district that bought.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("Whole units of the round's unit; 1 to 1,000,000,000.")]
    public required int Quantity { get; init; }
    [Description("The day bought: within the contract's term, not in the future.")]
    public required DateOnly PurchasedOn { get; init; }
    [Description("The price per unit the district would have paid alone, exact to the cent.")]
    public required decimal StandaloneUnitPrice { get; init; }
    [Description("Where that price comes from: a quote, last year's invoice or a list price.")]
    public required StandalonePriceSource StandalonePriceSource { get; init; }
    [Description("The evidence (the quote's number, the invoice), at most 400 characters.")]
    public string? StandalonePriceNote { get; init; }
    [Description("The district's own approval of the purchase (a purchase order, a board minute), at most 200 characters.")]
    public string? ApprovalReference { get; init; }
}
