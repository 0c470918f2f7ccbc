using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ConsortiumGraph.Graph;

/// <summary>
/// Introspection fields of the current specification (and of graphql-js) that GraphQL.NET does not
/// serve: <c>__Type.specifiedByURL</c> (October 2021) and <c>__Type.isOneOf</c> (OneOf input objects),
/// so that tools probing for them (graphql-js's getIntrospectionQuery with specifiedByUrl or oneOf)
/// load the schema. Added to the introspection types as the schema is built, before it is sealed.
/// </summary>
public sealed class SpecIntrospection : BaseSchemaNodeVisitor
{
    /// <summary>Metadata key: a scalar's specification URL, answered as <c>specifiedByURL</c>.</summary>
    public const string SpecifiedByUrl = "consortiumgraph.specifiedByURL";

    public override void VisitObject(IObjectGraphType type, ISchema schema)
    {
        if (type.Name == "__Directive") AddIncludeDeprecated(type.GetField("args"), schema);
        if (type.Name != "__Type") return;
        var text = schema.AllTypes["String"]!;
        var boolean = schema.AllTypes["Boolean"]!;
        Add(type, "specifiedByURL", text, "A URL to the specification of a custom scalar's format; null for other types and for scalars without one.",
            source => source is ScalarGraphType scalar ? scalar.GetMetadata<string?>(SpecifiedByUrl) : null);
        Add(type, "isOneOf", boolean, "For input objects, whether exactly one of its fields must be given (a OneOf input object); null for other types.",
            source => source is IInputObjectGraphType input ? input.IsOneOf : null);
    }

    /// <summary>
    /// <c>__Directive.args(includeDeprecated:)</c>, as graphql-js serves it with input-value deprecation
    /// (GraphQL.NET has the argument on fields' args and input fields, not on directives').
    /// </summary>
    private static void AddIncludeDeprecated(FieldType? args, ISchema schema)
    {
        if (args is null || args.Arguments?.Find("includeDeprecated") is not null) return;
        args.Arguments ??= [];
        args.Arguments.Add(new QueryArgument(schema.AllTypes["Boolean"]!) { Name = "includeDeprecated", DefaultValue = false, Description = "Include deprecated arguments." });
        var all = args.Resolver!;
        args.Resolver = new FuncFieldResolver<object?>(async context =>
        {
            var result = await all.ResolveAsync(context);
            return context.GetArgument<bool>("includeDeprecated") || result is not IEnumerable<QueryArgument> arguments
                ? result
                : arguments.Where(a => a.DeprecationReason is null).ToList();
        });
    }

    private static void Add(IObjectGraphType type, string name, IGraphType resolvedType, string description, Func<object?, object?> resolve)
    {
        if (type.HasField(name)) return;
        type.AddField(new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = resolvedType,
            Resolver = new FuncFieldResolver<object?>(context => resolve(context.Source)),
        });
    }
}
