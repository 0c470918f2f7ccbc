namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary><c>districts</c>, asked by plugin code through <see cref="IConsortiumData"/>.</summary>
public sealed record DistrictsCall(IReadOnlyList<string> Codes);
