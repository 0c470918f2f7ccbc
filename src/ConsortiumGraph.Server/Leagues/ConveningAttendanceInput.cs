using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("How many of one registered team attended.")]
public sealed class ConveningAttendanceInput
{
    [Description("The team's school's League membership.")]
    [Id]
    public required string MembershipId { get; init; }
    [Description("Educators of the team who attended: 0 to the team's size.")]
    public int Attended { get; init; }
}
