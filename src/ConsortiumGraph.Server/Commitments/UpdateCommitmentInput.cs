using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Commitments;

[Description("Changes to an open commitment, re-checked against every consortium and plugin rule; fields left out keep their values.")]
public sealed class UpdateCommitmentInput
{
    [Description("The commitment; must not be DONE or DROPPED.")]
    [Id]
    public required string CommitmentId { get; init; }
    [Description("What is committed to (at most 200 characters).")]
    public string? Title { get; init; }
    [Description("Details (at most 4000 characters).")]
    public string? Description { get; init; }
    [Description("The new due date.")]
    public DateOnly? DueOn { get; init; }
    [Description("Dollars committed, exact to the cent; 0 to 100,000,000,000.")]
    public decimal? Dollars { get; init; }
    [Description("Staff time committed, in FTE; more than 0 and at most 1000.")]
    public double? StaffFte { get; init; }
    [Description("Student seats committed; 0 to 1,000,000.")]
    public int? StudentSeats { get; init; }
    [Description("The school of the committing district that commits, when it becomes a school's commitment.")]
    [Id]
    public string? SchoolId { get; init; }
    [Description("The commitment's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
