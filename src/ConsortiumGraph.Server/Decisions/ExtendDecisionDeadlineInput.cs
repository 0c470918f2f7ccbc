using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Decisions;

[Description("Gives members more time to vote on an OPEN decision.")]
public sealed class ExtendDecisionDeadlineInput
{
    [Description("The decision; must be OPEN, its deadline not yet passed.")]
    [Id]
    public required string DecisionId { get; init; }
    [Description("The new deadline: later than the current one, and within a year of the proposal.")]
    public DateTime Deadline { get; init; }
    [Description("The decision's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
