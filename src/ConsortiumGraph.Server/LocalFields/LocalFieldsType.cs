using ConsortiumGraph.Data;
using GraphQL.Types;

namespace ConsortiumGraph.LocalFields;

/// <summary>
/// The `local` object of an entity: one field per district plugin that adds fields to this type.
/// With no plugin loaded it has only `_plugins`, which lists none.
/// </summary>
public sealed class LocalFieldsType<T> : ObjectGraphType<T> where T : Entity
{
    public LocalFieldsType()
    {
        Name = $"{typeof(T).Name}Local";
        Description = $"Fields that district plugins add to {typeof(T).Name}, one object per plugin, null where a plugin does not apply.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("_plugins")
            .Description("Keys of the loaded plugins that add fields to this type.")
            .Resolve(_ => Array.Empty<string>());
    }
}

public sealed class LocalFieldDefinition
{
    public required string Plugin { get; init; }
    public required string District { get; init; }
    public required string OnType { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string? Description { get; init; }
    public bool Writable { get; init; }
}

public sealed class LocalFieldDefinitionType : ObjectGraphType<LocalFieldDefinition>
{
    public LocalFieldDefinitionType()
    {
        Description = "A field a district plugin adds, described so a generic front end can render a form for it.";
        Field(f => f.Plugin).Description("The plugin's key: the field's namespace under `local`.");
        Field(f => f.District).Description("Code of the district the plugin speaks for.");
        Field(f => f.OnType).Description("The core type the field is on: District, School, Partnership or Commitment.");
        Field(f => f.Name).Description("The field's name under the plugin's namespace.");
        Field(f => f.Type).Description("The field's GraphQL type, e.g. `Date` or `[String!]`.");
        Field(f => f.Description, nullable: true).Description("What the field records.");
        Field(f => f.Writable).Description("True for stored fields that `setLocalFields` writes; false for computed ones.");
    }
}
