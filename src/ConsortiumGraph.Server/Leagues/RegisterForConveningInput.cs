using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A member school registers its team for a convening, until its day.")]
public sealed class RegisterForConveningInput
{
    [Description("The convening.")]
    [Id]
    public required string ConveningId { get; init; }
    [Description("The school's League membership: an active member (of the convening's state, for a STATE convening).")]
    [Id]
    public required string MembershipId { get; init; }
    [Description("Educators on the team, 1 to 20.")]
    public int TeamSize { get; init; }
}
