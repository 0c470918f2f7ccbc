using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("Plans a League convening: a state or regional event on a day.")]
public sealed class PlanConveningInput
{
    [Description("The League.")]
    [Id]
    public required string LeagueId { get; init; }
    [Description("Its topic, at most 200 characters.")]
    public required string Title { get; init; }
    [Description("STATE (one state's schools) or REGIONAL (the whole League).")]
    public ConveningScope Scope { get; init; }
    [Description("STATE: the two-letter state.")]
    public string? State { get; init; }
    [Description("The day: today or later.")]
    public DateOnly HeldOn { get; init; }
    [Description("Where, at most 200 characters; leave it out for an online-only convening.")]
    public string? Place { get; init; }
    [Description("Whether teams may join online.")]
    public bool Online { get; init; }
    [Description("Keys of the framework dimensions it is about.")]
    public List<string>? Dimensions { get; init; }
    [Description("Educators it has room for, over every team (1 to 5000); no limit when omitted.")]
    public int? Capacity { get; init; }
}
