using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Purchasing;

[Description("Cancels an open purchasing round without an award (no quote fits, the need went away). Its quotes are kept.")]
public sealed class CancelPurchasingRoundInput
{
    [Description("The round; it must be OPEN.")]
    [Id]
    public required string RoundId { get; init; }
    [Description("Why, for the members and the vendors who quoted, at most 2000 characters.")]
    public required string Reason { get; init; }
    [Description("The round's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
