using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin checked against the core schema and the database, ready to add its fields and rules.</summary>
public sealed class ComposedPlugin
{
    internal ComposedPlugin(LoadedPlugin loaded, IReadOnlyDictionary<string, int> districts)
    {
        Loaded = loaded;
        Districts = districts;
        DistrictIds = districts.Values.ToHashSet();
        TypePrefix = char.ToUpperInvariant(Key[0]) + Key[1..];
        Fields = ExtensibleEntity.All.ToDictionary(e => e.Name, e => e.Fields(loaded.Declared));
    }

    public LoadedPlugin Loaded { get; }
    public PluginManifest Manifest => Loaded.Manifest;
    public string Key => Loaded.Manifest.Key;
    /// <summary>The plugin's key in PascalCase: the prefix of its types, e.g. RiversideDistrictFields.</summary>
    public string TypePrefix { get; }
    /// <summary>The plugin's districts: code to database key.</summary>
    public IReadOnlyDictionary<string, int> Districts { get; }
    public IReadOnlySet<int> DistrictIds { get; }
    /// <summary>The plugin's fields by core type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PluginField>> Fields { get; }
    public IReadOnlyList<LocalRule> Rules => Loaded.Declared.Rules;

    public string ObjectTypeName(string entityType) => $"{TypePrefix}{entityType}Fields";
    public string EnumTypeName(LocalFieldType type) => TypePrefix + type.EnumName;

}
