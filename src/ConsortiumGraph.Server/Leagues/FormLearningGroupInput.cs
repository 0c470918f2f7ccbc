using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("Forms a standing learning group of the League's educators (a principals' professional learning group).")]
public sealed class FormLearningGroupInput
{
    [Description("The League.")]
    [Id]
    public required string LeagueId { get; init; }
    [Description("Its name, unique in the League; at most 200 characters.")]
    public required string Name { get; init; }
    [Description("What it works on together, at most 2000 characters.")]
    public required string Focus { get; init; }
    [Description("Keys of the framework dimensions it works on.")]
    public List<string>? Dimensions { get; init; }
    [Description("Its first members: educators of the League (at most 50).")]
    [Id]
    public List<string>? MemberIds { get; init; }
}
