using System.Reflection;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin that loaded and declared its fields and rules, before composition checks it.</summary>
public sealed class LoadedPlugin
{
    /// <summary>Where it came from: its folder, or its type for plugins registered in process (the test kit).</summary>
    public required string Source { get; init; }
    public required PluginManifest Manifest { get; init; }
    public required PluginBuilder Declared { get; init; }
    /// <summary>The SDK version the plugin was built against.</summary>
    public required Version SdkVersion { get; init; }

    /// <summary>Reads the manifest and declarations of a plugin instance; a plugin that throws here is rejected, not fatal.</summary>
    public static LoadedPlugin? TryCreate(Func<IDistrictPlugin> create, string source, Version sdkVersion, out RejectedPlugin? rejected)
    {
        rejected = null;
        PluginManifest? manifest = null;
        try
        {
            var instance = create();
            manifest = instance.Manifest ?? throw new InvalidOperationException("Manifest is null.");
            var declared = new PluginBuilder();
            instance.Register(declared);
            return new LoadedPlugin { Source = source, Manifest = manifest, Declared = declared, SdkVersion = sdkVersion };
        }
        catch (Exception e)
        {
            var error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            rejected = new RejectedPlugin(source, manifest?.Key, manifest?.Version,
                $"The plugin threw while loading ({error.GetType().Name}: {error.Message}). Fix its constructor, Manifest or Register.");
            return null;
        }
    }

    /// <summary>Whether a plugin built against <paramref name="built"/> runs on this host's SDK; null when it does, else why not.</summary>
    public static string? SdkMismatch(Version built)
    {
        var host = PluginSdk.Version;
        if (built.Major != host.Major)
            return $"It was built against {PluginSdk.AssemblyName} {built.ToString(3)}, but this server runs SDK {host.ToString(3)}: rebuild it against SDK {host.Major}.x.";
        if (built.Minor > host.Minor)
            return $"It was built against {PluginSdk.AssemblyName} {built.ToString(3)}, newer than this server's SDK {host.ToString(3)}: upgrade the server or build against SDK {host.Major}.{host.Minor}.";
        return null;
    }
}

/// <summary>A plugin the host did not load or compose, and why: listed by the <c>plugins</c> query and logged.</summary>
public sealed record RejectedPlugin(string Source, string? Key, string? Version, string Reason);
