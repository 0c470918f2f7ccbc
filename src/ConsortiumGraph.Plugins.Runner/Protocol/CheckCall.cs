using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary><c>check</c>: one rule on one proposed change (<see cref="Change"/> names its SDK type).</summary>
public sealed record CheckCall(string Rule, string Change, JsonElement Proposed, string DistrictCode, DateOnly Today);
