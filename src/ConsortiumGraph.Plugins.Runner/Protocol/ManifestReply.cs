namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>What <c>manifest</c> answers: the plugin's manifest and the SDK it was built against, or why it cannot run.</summary>
public sealed record ManifestReply(PluginManifest? Manifest, string? SdkVersion, string? Problem);
