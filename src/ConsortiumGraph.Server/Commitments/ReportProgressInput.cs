using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Commitments;

[Description("A dated progress report; it also sets the commitment's status.")]
public sealed class ReportProgressInput
{
    [Description("The commitment; must not be DONE or DROPPED.")]
    [Id]
    public required string CommitmentId { get; init; }
    [Description("The commitment's status now.")]
    public CommitmentStatus Status { get; init; }
    [Description("How much is done, 0 to 100.")]
    public int? PercentComplete { get; init; }
    [Description("What happened (at most 4000 characters).")]
    public string? Note { get; init; }
    [Description("The commitment's `revision` as last read; the report is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
