using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Decisions;

[Description("A question put to a partnership's members.")]
public sealed class ProposeDecisionInput
{
    [Description("The partnership; must be PROPOSED or ACTIVE.")]
    [Id]
    public required string PartnershipId { get; init; }
    [Description("An area with a decision right in the partnership; its rule decides.")]
    public required string Area { get; init; }
    [Description("What is being decided (at most 200 characters).")]
    public required string Title { get; init; }
    [Description("When voting closes; in the future, and within a year.")]
    public DateTime Deadline { get; init; }
    [Description("The day the decided activity would take place, if it schedules one; not before the deadline's day.")]
    public DateOnly? ScheduledOn { get; init; }
    [Description("For a decision of the `governance` area only: the partnership's whole set of decision rights as they become once it is adopted (keeping a `governance` area).")]
    public List<Partnerships.DecisionRightInput>? DecisionRights { get; init; }
}
