using ConsortiumGraph.Plugins;

namespace ThrowsAtLoad;

/// <summary>Fails in Register, as a plugin with a bug in its set-up would: the host must skip it and keep serving.</summary>
public sealed class ThrowsAtLoadPlugin : IDistrictPlugin
{
    public PluginManifest Manifest { get; } = new() { Key = "throwsAtLoad", Districts = ["5000530"], Version = "0.1.0", Description = "Throws while registering." };

    public void Register(PluginBuilder plugin) => throw new InvalidOperationException("configuration file local.json not found");
}
