using System.ComponentModel;

namespace ConsortiumGraph.Leagues;

[Description("One dimension of a framework: a practice, described at every level of the scale.")]
public sealed class FrameworkDimensionInput
{
    [Description("Its key, kept across versions so trajectories run through them: lowercase letters, digits and hyphens, at most 64 characters (\"personalized-learning\").")]
    public required string Key { get; init; }
    [Description("Its name, at most 200 characters.")]
    public required string Name { get; init; }
    [Description("What the practice is, at most 2000 characters.")]
    public string? Description { get; init; }
    [Description("What the practice looks like at each level, lowest first: one per level of the scale, each at most 2000 characters.")]
    public required List<string> Descriptors { get; init; }
}
