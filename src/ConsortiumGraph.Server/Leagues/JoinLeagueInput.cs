using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A school asks to join a League. It is a member once its letter of commitment carries all four signatures (`signLetterOfCommitment`).")]
public sealed class JoinLeagueInput
{
    [Description("The League.")]
    [Id]
    public required string LeagueId { get; init; }
    [Description("The school: one of a member district's, or one outside them (a charter, a regional career-technical center), which the League's admins enroll.")]
    [Id]
    public required string SchoolId { get; init; }
    [Description("The day the school decided to join; today when omitted. Not in the future.")]
    public DateOnly? RequestedOn { get; init; }
    [Description("The League's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
