using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Decisions;

[Description("Takes an OPEN decision off the table before it is decided.")]
public sealed class WithdrawDecisionInput
{
    [Description("The decision; must be OPEN.")]
    [Id]
    public required string DecisionId { get; init; }
    [Description("Why it is withdrawn (at most 2,000 characters).")]
    public required string Reason { get; init; }
    [Description("The decision's `revision` as last read; the withdrawal is refused with CONFLICT if it changed since (a vote came in).")]
    public int? ExpectedRevision { get; init; }
}
