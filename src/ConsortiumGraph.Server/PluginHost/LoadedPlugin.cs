using System.Reflection;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin that declared its fields and rules, before composition checks it.</summary>
public sealed class LoadedPlugin
{
    /// <summary>Where it came from: its folder, or its type for plugins registered in process (the test kit).</summary>
    public required string Source { get; init; }
    public required PluginManifest Manifest { get; init; }
    /// <summary>What it declared; for a plugin in a runner, computations and checks call the runner.</summary>
    public required PluginBuilder Declared { get; init; }
    /// <summary>The SDK version the plugin was built against.</summary>
    public required Version SdkVersion { get; init; }
    /// <summary>The SHA-256 of its folder (see <see cref="PluginBuild"/>); null for plugins registered in process.</summary>
    public string? Sha256 { get; init; }
    /// <summary>Why it may run.</summary>
    public required PluginApprovalState Approval { get; init; }
    /// <summary>Its runner; null for plugins registered in process, which run in the test's own process.</summary>
    public PluginRunner? Runner { get; init; }

    /// <summary>Reads the manifest and declarations of a plugin instance registered in process; a plugin that throws here is rejected, not fatal.</summary>
    public static LoadedPlugin? TryCreate(IDistrictPlugin instance, out RejectedPlugin? rejected)
    {
        rejected = null;
        PluginManifest? manifest = null;
        var source = instance.GetType().FullName!;
        try
        {
            manifest = instance.Manifest ?? throw new InvalidOperationException("Manifest is null.");
            var declared = new PluginBuilder();
            instance.Register(declared);
            return new LoadedPlugin
            {
                Source = source, Manifest = manifest, Declared = declared, SdkVersion = PluginSdk.Version,
                Approval = new PluginApprovalState(PluginApprovalKind.InProcess, "registered in process by the host's own code (the test kit)", null),
            };
        }
        catch (Exception e)
        {
            var error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            rejected = new RejectedPlugin(source, manifest?.Key, manifest?.Version,
                $"The plugin threw while loading ({error.GetType().Name}: {error.Message}). Fix its constructor, Manifest or Register.");
            return null;
        }
    }
}
