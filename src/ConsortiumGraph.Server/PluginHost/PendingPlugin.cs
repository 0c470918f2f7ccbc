using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin build no one approved yet: only its manifest was read (in its runner), nothing of it serves.</summary>
public sealed record PendingPlugin(string Source, PluginManifest Manifest, string Sha256, Version SdkVersion);
