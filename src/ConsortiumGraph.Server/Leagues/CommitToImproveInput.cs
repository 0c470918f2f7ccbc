using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A member school commits to improve on dimensions of its League's framework.")]
public sealed class CommitToImproveInput
{
    [Description("The school's League membership: an active member.")]
    [Id]
    public required string MembershipId { get; init; }
    [Description("What the school commits to, at most 200 characters.")]
    public required string Title { get; init; }
    [Description("How, at most 4000 characters.")]
    public string? Description { get; init; }
    [Description("Keys of the dimensions of the League's framework it works on (at least one).")]
    public required List<string> Dimensions { get; init; }
    [Description("When it is due: today or later.")]
    public DateOnly? DueOn { get; init; }
    [Description("The peer visit it follows up: one the school hosted, whose day has come.")]
    [Id]
    public string? FollowUpOfVisitId { get; init; }
}
