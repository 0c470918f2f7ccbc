using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary><c>compute</c>: one computed field for a batch of entities (their views and this plugin's stored values), as the runner reads it.</summary>
public sealed record ComputeCall(string Entity, string Field, JsonElement Views, IReadOnlyList<LocalValues> Stored, DateOnly Today);
