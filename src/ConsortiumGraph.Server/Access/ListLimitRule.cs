using System.Collections;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConsortiumGraph.Access;

/// <summary>
/// Every list a request sends (an argument, or a list inside an input object, written in the document or
/// passed as a variable) has at most <see cref="RequestLimits.MaxListItems"/> items, or
/// <see cref="RequestLimits.MaxBulkItems"/> where the schema marks the list as a bulk upload. Checked
/// during validation, so an oversized list costs no work beyond counting: TOO_MANY_ITEMS.
/// </summary>
public sealed class ListLimitRule(RequestLimits limits) : ValidationRuleBase
{
    /// <summary>Metadata key: mark an argument or input field with it to allow <see cref="RequestLimits.MaxBulkItems"/> items.</summary>
    public const string Bulk = "consortiumgraph.bulkList";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var reported = false;
        return new(new MatchingNodeVisitor<GraphQLArgument>((argument, ctx) =>
        {
            if (!reported && ctx.TypeInfo.GetArgument() is { } definition)
                reported = Check(ctx, argument, argument.Value, definition.ResolvedType, definition, argument.Name.StringValue);
        }));
    }

    private int Limit(IProvideMetadata? definition) => definition?.GetMetadata(Bulk, false) == true ? limits.MaxBulkItems : limits.MaxListItems;

    /// <summary>Walks a value (document literal or variable JSON) along its type; true once a list over its limit is reported.</summary>
    private bool Check(ValidationContext context, GraphQLArgument argument, object? value, IGraphType? type, IProvideMetadata? definition, string path)
    {
        if (type is NonNullGraphType nonNull) type = nonNull.ResolvedType;
        if (value is GraphQLVariable variable)
            value = context.Variables is { } variables && variables.TryGetValue(variable.Name.StringValue, out var raw) ? raw : null;
        switch (type)
        {
            case ListGraphType list:
                // Counted where they are, not copied: this runs on every request, cached documents included.
                IEnumerable items = value switch
                {
                    null or GraphQLNullValue => Array.Empty<object>(),
                    GraphQLListValue literal => (IEnumerable?)literal.Values ?? Array.Empty<object>(),
                    IList json => json,
                    _ => new[] { value }, // a single value where a list is expected is coerced to a list of one
                };
                var count = value switch { GraphQLListValue literal => literal.Values?.Count ?? 0, IList json => json.Count, null or GraphQLNullValue => 0, _ => 1 };
                var limit = Limit(definition);
                if (count > limit)
                {
                    var setting = limit == limits.MaxBulkItems && definition?.GetMetadata(Bulk, false) == true ? "MaxBulkItems" : "MaxListItems";
                    context.ReportError(new LimitError(context, "TOO_MANY_ITEMS",
                        $"`{path}` has {count} items; at most {limit} are allowed (GraphQL:Limits:{setting}).", argument));
                    return true;
                }
                return items.Cast<object?>().Any(item => Check(context, argument, item, list.ResolvedType, null, path));
            case IInputObjectGraphType input:
                var fields = value switch
                {
                    GraphQLObjectValue literal => literal.Fields?.Select(f => (f.Name.StringValue, (object?)f.Value)) ?? [],
                    IDictionary<string, object?> json => json.Select(f => (f.Key, f.Value)),
                    _ => [],
                };
                return fields.Any(f => input.GetField(f.Item1) is { } field && Check(context, argument, f.Item2, field.ResolvedType, field, $"{path}.{f.Item1}"));
            default:
                return false;
        }
    }
}
