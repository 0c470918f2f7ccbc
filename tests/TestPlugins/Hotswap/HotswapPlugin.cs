using ConsortiumGraph.Plugins;

namespace Hotswap;

/// <summary>Two builds of one plugin (V1 and V2), so a test can replace one with the other while the server runs.</summary>
public sealed class HotswapPlugin : IDistrictPlugin
{
#if V2
    private const string Version = "2.0.0";
#else
    private const string Version = "1.0.0";
#endif

    public PluginManifest Manifest { get; } = new() { Key = "hotswap", Districts = ["3300930"], Version = Version, Description = "Changes between builds." };

    public void Register(PluginBuilder plugin)
    {
        plugin.District.Computed("build", LocalFieldType.String, "Which build answers.",
            (districts, _) => Task.FromResult<IReadOnlyList<object?>>(districts.Select(_ => (object?)Version).ToList()));
#if V2
        plugin.District.Stored("motto", LocalFieldType.String, "Added in V2.");
#endif
    }
}
