using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConsortiumGraph.Operations;

/// <summary>
/// Counts every selection of a deprecated field, by field and operation name
/// (<see cref="Telemetry.DeprecatedFields"/>), so operators see which clients still use what is going
/// away. It runs on cached documents too: each request counts. It reports nothing to the client.
/// </summary>
public sealed class DeprecatedUsageRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation?.Name?.StringValue ?? "(unnamed)";
        return new(new MatchingNodeVisitor<GraphQLField>((_, ctx) =>
        {
            if (ctx.TypeInfo.GetFieldDef() is { DeprecationReason: not null } field)
                Telemetry.DeprecatedFields.Add(1, new KeyValuePair<string, object?>("graphql.field", $"{ctx.TypeInfo.GetParentType()?.GetNamedType()?.Name}.{field.Name}"),
                    new KeyValuePair<string, object?>("graphql.operation.name", operation));
        }));
    }
}
