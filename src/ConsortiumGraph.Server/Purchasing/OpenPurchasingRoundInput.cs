using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

[Description("A joint purchase put out for quotes. The partnership's lead district, or its consortium's admins.")]
public sealed class OpenPurchasingRoundInput
{
    [Description("The partnership that buys together; PROPOSED or ACTIVE.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("What is bought (\"Type C school bus\"), at most 200 characters.")]
    public required string Item { get; init; }
    [Description("The unit prices are per (\"bus\", \"gallon\", \"student license\"), at most 50 characters.")]
    public required string Unit { get; init; }
    [Description("How many units the members expect to buy over the contract; 1 to 1,000,000,000.")]
    public required int EstimatedQuantity { get; init; }
    [Description("The day quotes are due; today or later.")]
    public required DateOnly QuotesDueOn { get; init; }
    [Description("The specification vendors quote against, at most 4000 characters.")]
    public string? Specification { get; init; }
}
