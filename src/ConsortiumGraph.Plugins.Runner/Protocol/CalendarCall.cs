namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary><c>calendar</c>, asked by plugin code through <see cref="IConsortiumData"/>.</summary>
public sealed record CalendarCall(string DistrictCode, DateOnly From, DateOnly To);
