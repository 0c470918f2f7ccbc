using System.ComponentModel;
using GraphQL;

namespace ConsortiumGraph.Leagues;

[Description("A new version of a League's framework of school practices. Earlier versions, and the ratings made against them, stay as they are.")]
public sealed class DefineFrameworkInput
{
    [Description("The League.")]
    [Id]
    public required string LeagueId { get; init; }
    [Description("The framework's name, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("The rating scale, lowest level first (2 to 10 levels, each at most 100 characters): a rating is a level's position, from 1.")]
    public required List<string> Levels { get; init; }
    [Description("The dimensions, in order (at least one): each key at most once.")]
    public required List<FrameworkDimensionInput> Dimensions { get; init; }
    [Description("What changed from the version before, and why, at most 2000 characters.")]
    public string? ChangeSummary { get; init; }
    [Description("The League's `revision` as last read; the change is refused with CONFLICT if it changed since.")]
    public int? ExpectedRevision { get; init; }
}
