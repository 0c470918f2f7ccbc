using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Commitments;

[Description("Takes up a DROPPED commitment again, with a dated progress report.")]
public sealed class ReopenCommitmentInput
{
    [Description("The commitment; must be DROPPED, in a partnership that is still open.")]
    [Id]
    public required string CommitmentId { get; init; }
    [Description("Its status from now: PLANNED, ON_TRACK or AT_RISK.")]
    [DefaultValue(CommitmentStatus.Planned)]
    [InputType(typeof(EnumerationGraphType<CommitmentStatus>))]
    public CommitmentStatus Status { get; init; } = CommitmentStatus.Planned;
    [Description("Why it is taken up again (at most 4000 characters).")]
    public string? Note { get; init; }
    [Description("The commitment's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
