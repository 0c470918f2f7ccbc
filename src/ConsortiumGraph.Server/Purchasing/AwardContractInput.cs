using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

[Description("Awards an open purchasing round to one of its quotes: the contract its members buy under. Passing over a lower quote needs a reason.")]
public sealed class AwardContractInput
{
    [Description("The round; it must be OPEN.")]
    [Id]
    public required string RoundId { get; init; }
    [Description("The winning quote, one of the round's.")]
    [Id]
    public required string QuoteId { get; init; }
    [Description("The contract's first day.")]
    public required DateOnly StartsOn { get; init; }
    [Description("The contract's last day.")]
    public required DateOnly EndsOn { get; init; }
    [Description("Why this quote, at most 2000 characters; required when a lower quote is passed over.")]
    public string? Reason { get; init; }
    [Description("The round's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
