using GraphQL;
using GraphQLParser.AST;

namespace ConsortiumGraph.Graph;

/// <summary>What a request selects below a field, for resolvers that read only what is asked for.</summary>
public static class Selections
{
    /// <summary>
    /// The names (not aliases) of the fields selected below the current field, or below the field at
    /// <paramref name="path"/> under it (fundingReport → grants → impact). Fragments count; @skip and
    /// @include are ignored, which at worst reads something that is not shown.
    /// </summary>
    public static IEnumerable<string> Below(IResolveFieldContext context, params string[] path) => Below(context.FieldAst, context.Document, path);

    /// <inheritdoc cref="Below(IResolveFieldContext, string[])"/>
    public static IEnumerable<string> Below(GraphQLField field, GraphQLDocument document, params string[] path)
    {
        IEnumerable<GraphQLField> level = [field];
        foreach (var name in path)
            level = level.SelectMany(f => Fields(f.SelectionSet, document)).Where(f => f.Name.StringValue == name);
        return level.SelectMany(f => Fields(f.SelectionSet, document)).Select(f => f.Name.StringValue);
    }

    /// <summary>
    /// What a named fragment amounts to for a validation rule (its root fields, its nesting), computed once per
    /// fragment however often it is spread: such rules run before the fragment-cycle rule, on documents whose
    /// spreads could double at every level. A fragment spread inside itself counts as <paramref name="none"/>.
    /// </summary>
    public static T OfFragment<T>(GraphQLDocument document, string name, Dictionary<string, T> known, Func<GraphQLSelectionSet, T> compute, T none)
    {
        if (known.TryGetValue(name, out var value)) return value;
        known[name] = none; // while it is being computed: a cycle sees none
        var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(d => d.FragmentName.Name.StringValue == name);
        return known[name] = fragment is null ? none : compute(fragment.SelectionSet);
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? selection, GraphQLDocument document) =>
        (selection?.Selections ?? []).SelectMany(node => node switch
        {
            GraphQLField field => [field],
            GraphQLInlineFragment inline => Fields(inline.SelectionSet, document),
            GraphQLFragmentSpread spread => document.Definitions.OfType<GraphQLFragmentDefinition>()
                .Where(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue).SelectMany(d => Fields(d.SelectionSet, document)),
            _ => [],
        });
}
