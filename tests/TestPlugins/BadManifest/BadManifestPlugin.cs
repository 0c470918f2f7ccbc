using ConsortiumGraph.Plugins;

namespace BadManifest;

/// <summary>A manifest the server rejects, and a Register with a side effect: the rejection must come before Register runs.</summary>
public sealed class BadManifestPlugin : IDistrictPlugin
{
    public PluginManifest Manifest { get; } = new() { Key = "Bad-Manifest", Districts = ["5000530"], Version = "0.1.0", Description = "Has a key that is not a namespace." };

    public void Register(PluginBuilder plugin) => throw new InvalidOperationException("Register ran although the manifest was rejected");
}
