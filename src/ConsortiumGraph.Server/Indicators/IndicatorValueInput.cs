using System.ComponentModel;

namespace ConsortiumGraph.Indicators;

[Description("One indicator's value: given directly, or taken from a district plugin's field.")]
public sealed class IndicatorValueInput
{
    [Description("The indicator's code in one of the district's consortia.")]
    public required string Indicator { get; init; }
    [Description("The value in the indicator's unit (percent: 0 to 100; others: not negative). Omit when `fromLocalField` supplies it.")]
    public double? Value { get; init; }
    [Description("How many students the value is about; small groups are suppressed in roll-ups.")]
    public int StudentCount { get; init; }
    [Description("Take the value from this district plugin field of the district, e.g. mapleRidge.attendanceRate.")]
    public LocalFieldSourceInput? FromLocalField { get; init; }
}
