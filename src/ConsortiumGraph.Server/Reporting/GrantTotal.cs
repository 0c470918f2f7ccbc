namespace ConsortiumGraph.Reporting;

public sealed record GrantTotal(string Funder, string FiscalAgent, decimal Amount);
