using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConsortiumGraph.Access;

/// <summary><c>GraphQL:Limits:*</c>: what one request may ask of the server. Each limit answers with its own error code.</summary>
public sealed class RequestLimits
{
    /// <summary>Largest request body (POST) in bytes: BODY_TOO_LARGE (413).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
    /// <summary>The files of one multipart request (importDirectory), in all: the national CCD files are a few hundred MB.</summary>
    public long MaxUploadBytes { get; set; } = 1L << 30;
    /// <summary>Longest query document in characters: DOCUMENT_TOO_LARGE (400).</summary>
    public int MaxDocumentLength { get; set; } = 20_000;
    /// <summary>Deepest selection nesting, introspection included (GraphiQL's introspection query needs 13).</summary>
    public int MaxDepth { get; set; } = 15;
    /// <summary>Largest complexity: each field costs 1, times the page sizes (first/last) of the lists around it.</summary>
    public int MaxComplexity { get; set; } = 2_000_000;
    /// <summary>Most aliased fields in one operation: TOO_MANY_ALIASES.</summary>
    public int MaxAliases { get; set; } = 30;
    /// <summary>Most fields selected at the root of one operation: TOO_MANY_ROOT_FIELDS.</summary>
    public int MaxRootFields { get; set; } = 20;
    /// <summary>Most items in any list a request sends (an argument, or a list in an input): TOO_MANY_ITEMS.</summary>
    public int MaxListItems { get; set; } = 100;
    /// <summary>Most items in a bulk upload list (reportIndicatorValues' values): TOO_MANY_ITEMS.</summary>
    public int MaxBulkItems { get; set; } = 1000;
    /// <summary>How long one request may execute: TIMEOUT (503).</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Answer introspection (__schema, __type); turn off in production if the schema is not public.</summary>
    public bool Introspection { get; set; } = true;
}

/// <summary>Refuses operations with too many aliases or root fields: the cheap ways to multiply work in one request.</summary>
public sealed class QueryShapeRule(RequestLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        // Root fields are counted through fragments and inline fragments: `{ ... on Query { a0: x ... } }` selects them too.
        var roots = RootFields(context.Document, operation.SelectionSet, [], limits.MaxRootFields + 1);
        if (roots > limits.MaxRootFields)
            context.ReportError(new LimitError(context, "TOO_MANY_ROOT_FIELDS", $"The operation selects more than {limits.MaxRootFields} root fields, the most allowed.", operation));
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++aliases == limits.MaxAliases + 1)
                ctx.ReportError(new LimitError(ctx, "TOO_MANY_ALIASES", $"The operation uses more than {limits.MaxAliases} aliases.", field));
        }));
    }

    /// <summary>
    /// Fields selected at this level, through fragments (a fragment spread twice counts twice), counted up to
    /// <paramref name="enough"/>: past the limit the exact number does not matter, and doubling spreads would overflow it.
    /// </summary>
    private static int RootFields(GraphQLDocument document, GraphQLSelectionSet selections, Dictionary<string, int> fragments, int enough) =>
        selections.Selections.Aggregate(0, (count, selection) => Math.Min(enough, count + selection switch
        {
            GraphQLField => 1,
            GraphQLInlineFragment inline => RootFields(document, inline.SelectionSet, fragments, enough),
            GraphQLFragmentSpread spread => Graph.Selections.OfFragment(document, spread.FragmentName.Name.StringValue, fragments, set => RootFields(document, set, fragments, enough), 0),
            _ => 0,
        }));
}

public sealed class LimitError : ValidationError
{
    public LimitError(ValidationContext context, string code, string message, ASTNode node) : base(context.Document.Source, null, message, node) => Code = code;
}
