using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.LocalFields;

public sealed class SetLocalFieldsInput
{
    public required string Id { get; init; }
    public required string Plugin { get; init; }
    public required object Values { get; init; }
}

public sealed class SetLocalFieldsInputType : InputObjectGraphType<SetLocalFieldsInput>
{
    public SetLocalFieldsInputType()
    {
        Name = "SetLocalFieldsInput";
        Description = "Values of one plugin's stored local fields on one entity.";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The District, School, Partnership or Commitment.");
        Field(i => i.Plugin).Description("The plugin's key (its namespace under `local`).");
        Field(i => i.Values, type: typeof(NonNullGraphType<JsonType>)).Description("An object of field name to value; null clears a field.");
    }
}

public sealed class SetLocalFieldsPayloadType() : PayloadType<NodeInterface, object>(
    "SetLocalFieldsPayload", "node", "The entity whose local fields were written; null when there are errors.");

/// <summary>The local fields the loaded plugins declare. The server core declares none of its own.</summary>
public static class LocalFieldCatalog
{
    public static IReadOnlyList<LocalFieldDefinition> Definitions() => [];

    public static bool IsLoaded(string plugin) => false;
}

public static class LocalFieldMutations
{
    public static readonly string[] Types = ["District", "School", "Partnership", "Commitment"];

    public static void AddLocalFieldMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SetLocalFieldsPayloadType>>("setLocalFields")
            .Description("Writes plugin-defined local fields of one entity; values are checked against the plugin's declared types and rules.")
            .Argument<NonNullGraphType<SetLocalFieldsInputType>>("input")
            .ResolveAsync(async context => await MutationFields.RunAsync<SetLocalFieldsInput, object>(context, m =>
            {
                var input = m.Input;
                if (!GlobalId.TryDecode(input.Id, out var type, out _) || !Types.Contains(type))
                    m.Invalid("INVALID_ID", "`id` is not the ID of a District, School, Partnership or Commitment.", "id");
                else if (!LocalFieldCatalog.IsLoaded(input.Plugin))
                    m.Invalid("UNKNOWN_PLUGIN", $"No plugin with the key `{input.Plugin}` is loaded; `localFieldDefinitions` lists the loaded plugins' fields.", "plugin");
                return Task.FromResult<object?>(null);
            }));
    }
}
