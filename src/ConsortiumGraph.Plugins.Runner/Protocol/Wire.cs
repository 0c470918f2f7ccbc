using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>How the SDK's types travel between server and runner: camelCase JSON, enums by name, local values tagged with their kind.</summary>
public static class Wire
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new LocalValuesConverter(), new WireValuesConverter() },
        MaxDepth = 32,
    };

    // The calls and their argument shapes.
    public const string Manifest = "manifest", Register = "register", Compute = "compute", Check = "check";
    public const string Districts = "districts", Calendar = "calendar";
}

/// <summary>What <c>manifest</c> answers: the plugin's manifest and the SDK it was built against, or why it cannot run.</summary>
public sealed record ManifestReply(PluginManifest? Manifest, string? SdkVersion, string? Problem);

/// <summary><c>compute</c>: one computed field for a batch of entities (their views and this plugin's stored values), as the runner reads it.</summary>
public sealed record ComputeCall(string Entity, string Field, JsonElement Views, IReadOnlyList<LocalValues> Stored, DateOnly Today);

/// <summary><c>compute</c> as the server writes it: the views go straight into the frame, serialized by their own types.</summary>
public sealed record ComputeRequest(string Entity, string Field, IReadOnlyList<object> Views, IReadOnlyList<LocalValues> Stored, DateOnly Today);

/// <summary><c>check</c>: one rule on one proposed change (<see cref="Change"/> names its SDK type).</summary>
public sealed record CheckCall(string Rule, string Change, JsonElement Proposed, string DistrictCode, DateOnly Today);

/// <summary>A violation as it travels back from a rule.</summary>
public sealed record ViolationReply(string Message, string? Field, RuleSeverity Severity);

/// <summary><c>districts</c>, asked by plugin code through <see cref="IConsortiumData"/>.</summary>
public sealed record DistrictsCall(IReadOnlyList<string> Codes);

/// <summary><c>calendar</c>, asked by plugin code through <see cref="IConsortiumData"/>.</summary>
public sealed record CalendarCall(string DistrictCode, DateOnly From, DateOnly To);
