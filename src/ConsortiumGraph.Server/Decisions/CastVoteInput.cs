using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Decisions;

[Description("A member district's vote; each member votes once.")]
public sealed class CastVoteInput
{
    [Description("The decision; must be OPEN.")]
    [Id]
    public required string DecisionId { get; init; }
    [Description("The voting district; must be a member of the partnership.")]
    [Id]
    public required string DistrictId { get; init; }
    [Description("The vote.")]
    public VoteChoice Choice { get; init; }
    [Description("The district's reason (at most 2000 characters).")]
    public string? Comment { get; init; }
    [Description("The decision's `revision` as last read; the vote is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
