namespace ConsortiumGraph.Reporting;

/// <summary>Per group and period, what the database adds up: enough to apply any of the indicator's aggregations.</summary>
public sealed class RollupTotals
{
    public required string Group { get; init; }
    public required string Period { get; init; }
    /// <summary>How many values: the districts', or the schools'.</summary>
    public int Values { get; init; }
    public int Districts { get; init; }
    public int Students { get; init; }
    public double Sum { get; init; }
    public double Weighted { get; init; }
    public double Min { get; init; }
    public double Max { get; init; }
}
