namespace ConsortiumGraph.Leagues;

/// <summary>The spread of a League's ratings on one dimension in one school year.</summary>
public sealed record DimensionDistribution(string Dimension, string SchoolYear, int Schools, double Minimum, double LowerQuartile, double Median, double UpperQuartile, double Maximum);
