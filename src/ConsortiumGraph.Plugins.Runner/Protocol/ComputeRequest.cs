namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary><c>compute</c> as the server writes it: the views go straight into the frame, serialized by their own types.</summary>
public sealed record ComputeRequest(string Entity, string Field, IReadOnlyList<object> Views, IReadOnlyList<LocalValues> Stored, DateOnly Today);
