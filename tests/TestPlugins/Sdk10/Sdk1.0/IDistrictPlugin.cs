namespace ConsortiumGraph.Plugins;

/// <summary>
/// A district plugin's entry point. The host creates it once per load (with a public parameterless
/// constructor), reads <see cref="Manifest"/>, and calls <see cref="Register"/>, which only declares
/// fields and rules: do no I/O there.
/// </summary>
public interface IDistrictPlugin
{
    /// <summary>Who the plugin is and which districts it speaks for.</summary>
    PluginManifest Manifest { get; }

    /// <summary>Declares the plugin's local fields and local rules.</summary>
    void Register(PluginBuilder plugin);
}

/// <summary>A plugin's identity, checked by the host before the plugin is composed into the schema.</summary>
public sealed class PluginManifest
{
    /// <summary>
    /// The plugin's namespace in the schema (<c>district { local { riverside { ... } } }</c>):
    /// camelCase letters and digits, starting with a lower-case letter, unique among loaded plugins.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>Codes of the districts the plugin speaks for (usually one); each must exist in the consortium database.</summary>
    public required IReadOnlyList<string> Districts { get; init; }

    /// <summary>The plugin's own version, shown in the plugin status and in <c>localFieldDefinitions</c>.</summary>
    public required string Version { get; init; }

    /// <summary>What the plugin adds, for the people who read the schema and the status page.</summary>
    public required string Description { get; init; }
}

/// <summary>The SDK's own version; the host compares its major version with the one a plugin was built against.</summary>
public static class PluginSdk
{
    /// <summary>The version of this SDK assembly.</summary>
    public static Version Version { get; } = typeof(PluginSdk).Assembly.GetName().Version!;

    /// <summary>The SDK's assembly name, as plugins reference it.</summary>
    public static string AssemblyName { get; } = typeof(PluginSdk).Assembly.GetName().Name!;
}
