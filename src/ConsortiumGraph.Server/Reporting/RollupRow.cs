namespace ConsortiumGraph.Reporting;

/// <summary>One group's value of an indicator in one period.</summary>
public sealed record RollupRow(string Group, string Period, double? Value, int Districts, int Schools, int Students, string? SuppressedBecause)
{
    public bool Suppressed => SuppressedBecause is not null;
}
