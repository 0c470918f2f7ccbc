using System.ComponentModel;
using ConsortiumGraph.Commitments;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A dated progress report on a school's improvement commitment; it sets the commitment's status.")]
public sealed class ReportImprovementProgressInput
{
    [Description("The improvement commitment.")]
    [Id]
    public required string CommitmentId { get; init; }
    [Description("How it is going now.")]
    public CommitmentStatus Status { get; init; }
    [Description("How much is done, 0 to 100.")]
    public int? PercentComplete { get; init; }
    [Description("What happened, at most 4000 characters.")]
    public string? Note { get; init; }
    [Description("The commitment's `revision` as last read; the report is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
