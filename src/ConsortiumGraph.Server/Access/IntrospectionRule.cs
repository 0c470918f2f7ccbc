using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace ConsortiumGraph.Access;

/// <summary>
/// Introspection is a walk of the schema, not a read of data: its fields cost nothing against
/// <see cref="RequestLimits.MaxComplexity"/> (whose list multipliers are page sizes), so the standard
/// introspection queries of front-end tools run whatever the schema's size. What keeps a hostile
/// introspection query small instead: the depth and alias limits, and this rule, which (as graphql-js's
/// MaxIntrospectionDepthRule) refuses lists of fields, interfaces, possible types or input fields nested
/// more than three deep (<c>types { fields { type { fields { type { fields ... } } } } } }</c>), each level
/// of which multiplies the answer by the schema's size: INTROSPECTION_TOO_DEEP.
/// </summary>
public sealed class IntrospectionRule : ValidationRuleBase
{
    public const int MaxNestedLists = 3;
    private static readonly HashSet<string> Lists = ["fields", "interfaces", "possibleTypes", "inputFields"];

    /// <summary>The complexity analyzer's pricing, with introspection fields free.</summary>
    public static Func<FieldImpactContext, FieldComplexityResult> Pricing(Func<FieldImpactContext, FieldComplexityResult> data) => context =>
        context.FieldDefinition.Name is "__schema" or "__type" || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
            ? new FieldComplexityResult(0, 1)
            : data(context);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var fragments = new Dictionary<string, int>[] { [], [] }; // by whether the spread is inside __schema/__type
        foreach (var operation in context.Document.Definitions.OfType<GraphQLOperationDefinition>())
            if (Deepest(context.Document, operation.SelectionSet, inIntrospection: false, fragments) > MaxNestedLists)
            {
                context.ReportError(new LimitError(context, "INTROSPECTION_TOO_DEEP",
                    $"The introspection query nests lists of fields, interfaces, possible types or input fields more than {MaxNestedLists} deep.", operation));
                break;
            }
        return default;
    }

    /// <summary>The most introspection lists nested on one path below this selection set, through fragments (each fragment computed once).</summary>
    private static int Deepest(GraphQLDocument document, GraphQLSelectionSet? selections, bool inIntrospection, Dictionary<string, int>[] fragments) =>
        (selections?.Selections ?? []).Select(selection => selection switch
        {
            GraphQLField field => (inIntrospection && Lists.Contains(field.Name.StringValue) ? 1 : 0)
                + Deepest(document, field.SelectionSet, inIntrospection || field.Name.StringValue is "__schema" or "__type", fragments),
            GraphQLInlineFragment inline => Deepest(document, inline.SelectionSet, inIntrospection, fragments),
            GraphQLFragmentSpread spread => Graph.Selections.OfFragment(document, spread.FragmentName.Name.StringValue, fragments[inIntrospection ? 1 : 0],
                set => Deepest(document, set, inIntrospection, fragments), 0),
            _ => 0,
        }).DefaultIfEmpty(0).Max();
}
