using ConsortiumGraph.Grants;

namespace ConsortiumGraph.Reporting;

public sealed record FundedGrant(Grant Grant, string Partnership, string FiscalAgent, Impact Impact, IReadOnlyList<IndicatorTrend> Indicators, IReadOnlyList<WithheldData> Withheld);
