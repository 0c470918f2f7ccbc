using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Indicators;

[Description("A standard indicator of a consortium: created, or updated when its code exists.")]
public sealed class DefineIndicatorInput
{
    [Description("The consortium.")]
    [Id]
    public required string ConsortiumId { get; init; }
    [Description("Stable code, UPPER_SNAKE_CASE, unique in the consortium (e.g. ATTENDANCE_RATE).")]
    public required string Code { get; init; }
    [Description("The indicator's name.")]
    public required string Name { get; init; }
    [Description("The unit: percent (values 0-100), students, dollars...")]
    public required string Unit { get; init; }
    [Description("How district values combine in roll-ups.")]
    public Aggregation Aggregation { get; init; }
    [Description("What its values are about: DISTRICT (the default) or SCHOOL. Fixed once values are reported.")]
    [DefaultValue(IndicatorLevel.District)]
    [InputType(typeof(EnumerationGraphType<IndicatorLevel>))]
    public IndicatorLevel Level { get; init; } = IndicatorLevel.District;
    [Description("Values about fewer students are suppressed in roll-ups; at least 1.")]
    [DefaultValue(10)]
    [InputType(typeof(IntGraphType))]
    public int MinimumGroupSize { get; init; } = 10;
}
