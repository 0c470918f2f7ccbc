using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using ConsortiumGraph.Graph;

namespace ConsortiumGraph.LocalFields;

[Description("Values of one plugin's stored local fields on one entity.")]
public sealed class SetLocalFieldsInput
{
    [Description("The District, School, Partnership or Commitment; must be in the plugin's scope.")]
    [Id]
    public required string Id { get; init; }
    [Description("The plugin's key (its namespace under `local`).")]
    public required string Plugin { get; init; }
    [Description("An object of field name to value; null clears a field. Fields not named keep their values.")]
    [InputType(typeof(NonNullGraphType<JsonType>))]
    public required object Values { get; init; }
}
