using ConsortiumGraph.Indicators;

namespace ConsortiumGraph.Reporting;

public sealed record IndicatorTrend(string Code, string Name, string Unit, Aggregation Aggregation, IReadOnlyList<RollupRow> Periods);
