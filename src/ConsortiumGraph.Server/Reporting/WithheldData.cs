namespace ConsortiumGraph.Reporting;

/// <summary>A member district's indicator that the district does not share with funders: absent from the report, and named here.</summary>
public sealed record WithheldData(string District, string Indicator);
