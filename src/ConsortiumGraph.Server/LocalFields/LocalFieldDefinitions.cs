using ConsortiumGraph.Graph;
using GraphQL;
using ConsortiumGraph.Access;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;
using GraphQL.Types;

namespace ConsortiumGraph.LocalFields;

public sealed class LocalFieldDefinition
{
    public required string Plugin { get; init; }
    public required string PluginVersion { get; init; }
    public required IReadOnlyList<string> Districts { get; init; }
    public string District => Districts[0];
    public required string OnType { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string? Description { get; init; }
    public bool Writable { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Every field of every composed plugin, by plugin, type and declaration order.</summary>
    public static IReadOnlyList<LocalFieldDefinition> Of(PluginSet plugins) =>
    [
        .. from plugin in plugins.Plugins
           from entityType in ExtensibleEntity.All.Select(e => e.Name)
           from field in plugin.Fields[entityType]
           let type = field.Definition.Type
           let item = type.Kind == LocalValueKind.List ? type.ItemType! : type
           let itemName = item.Kind == LocalValueKind.Enum ? plugin.EnumTypeName(item) : item.ToString()
           select new LocalFieldDefinition
           {
               Plugin = plugin.Key, PluginVersion = plugin.Manifest.Version, Districts = plugin.Districts.Keys.ToList(), OnType = entityType,
               Name = field.Name, Type = type.Kind == LocalValueKind.List ? $"[{itemName}!]" : itemName, Description = field.Definition.Description,
               Writable = field.Compute is null, Required = field.Definition.Required,
               AllowedValues = item.Kind == LocalValueKind.Enum ? item.AllowedValues : null,
           },
    ];
}

public sealed class LocalFieldDefinitionType : ObjectType<LocalFieldDefinition>
{
    public LocalFieldDefinitionType()
    {
        Description = "A field a district plugin adds, described so a generic front end can render a form for it.";
        this.AuthorizeWithRoles(Readers.Staff);
        Field(f => f.Plugin).Description("The plugin's key: the field's namespace under `local`.");
        Field(f => f.PluginVersion).Description("The plugin's version.");
        Field(f => f.District).Description("Code of the district the plugin speaks for (the first, when it speaks for several).");
        Field(f => f.Districts).Description("Codes of every district the plugin speaks for.");
        Field(f => f.OnType).Description($"The core type the field is on: {ExtensibleEntity.Names()}.");
        Field(f => f.Name).Description("The field's name under the plugin's namespace.");
        Field(f => f.Type).Description("The field's GraphQL type, e.g. `Date`, `[String!]` or an enum such as `MapleRidgeBargainingUnit`.");
        Field(f => f.Description, nullable: true).Description("What the field records.");
        Field(f => f.Writable).Description("True for stored fields that `setLocalFields` writes; false for computed ones.");
        Field(f => f.Required).Description("True when a write must leave the field with a value.");
        Field(f => f.AllowedValues, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("For enum fields (and lists of them): the values allowed.");
    }
}
