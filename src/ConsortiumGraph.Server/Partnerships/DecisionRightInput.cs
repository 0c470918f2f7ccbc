using System.ComponentModel;

namespace ConsortiumGraph.Partnerships;

[Description("How decisions in one area are taken.")]
public sealed class DecisionRightInput
{
    [Description("The area, e.g. budget, staffing, curriculum, data-sharing.")]
    public required string Area { get; init; }
    [Description("The rule decisions in this area follow.")]
    public DecisionRule Rule { get; init; }
}
