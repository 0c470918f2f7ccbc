using ConsortiumGraph.Plugins;

namespace Colliding;

/// <summary>Declares a local field named like a core field of District: composition must reject it with the reason.</summary>
public sealed class CollidingPlugin : IDistrictPlugin
{
    public PluginManifest Manifest { get; } = new() { Key = "colliding", Districts = ["5000640"], Version = "0.1.0", Description = "Shadows District.enrollment." };

    public void Register(PluginBuilder plugin) =>
        plugin.District.Stored("enrollment", LocalFieldType.Int, "Lakeport's own enrollment count.");
}
