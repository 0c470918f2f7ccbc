using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using ConsortiumGraph.Graph;

namespace ConsortiumGraph.LocalFields;

/// <summary>One plugin's values, sent along with a mutation that creates an entity (e.g. a commitment that needs board approval).</summary>
[Description("Values of one plugin's stored local fields, written with the entity the mutation creates.")]
public sealed class LocalFieldValuesInput
{
    [Description("The plugin's key (its namespace under `local`).")]
    public required string Plugin { get; init; }
    [Description("An object of field name to value.")]
    [InputType(typeof(NonNullGraphType<JsonType>))]
    public required object Values { get; init; }
}
