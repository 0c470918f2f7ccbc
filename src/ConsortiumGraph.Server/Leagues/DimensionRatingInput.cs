using System.ComponentModel;

namespace ConsortiumGraph.Leagues;

[Description("A school's rating of itself on one dimension.")]
public sealed class DimensionRatingInput
{
    [Description("The dimension's key in the League's current framework.")]
    public required string Dimension { get; init; }
    [Description("The level on the framework's scale, from 1 (its lowest) to the number of levels.")]
    public required int Rating { get; init; }
    [Description("What shows it: observations, data, documents, at most 4000 characters.")]
    public string? Evidence { get; init; }
}
