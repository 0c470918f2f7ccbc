using ConsortiumGraph.Grants;

namespace ConsortiumGraph.Reporting;

/// <summary>A funder's view of what its grants fund: impact over each grant's period and member districts' indicator trends, aggregated only.</summary>
public sealed record FundingReport(Funder Funder, DateTime GeneratedAt, IReadOnlyList<FundedGrant> Grants);
