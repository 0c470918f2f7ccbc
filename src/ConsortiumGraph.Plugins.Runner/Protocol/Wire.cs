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

    // The calls the server makes, then those the runner makes back; their argument shapes are the records beside this file.
    public const string Manifest = "manifest", Register = "register", Compute = "compute", Check = "check";
    public const string Districts = "districts", Calendar = "calendar";
}
