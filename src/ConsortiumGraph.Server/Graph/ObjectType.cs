using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL.Builders;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>
/// The base of the server's object types: GraphQL.NET's <see cref="ObjectGraphType{TSourceType}"/>, except that a field
/// declared from a property (<c>Field(x => x.Name)</c>) is built once per process and copied into every later schema.
/// </summary>
/// <remarks>
/// GraphQL.NET compiles a property field's resolver when the field is declared, and every schema build (the one that
/// knows the core's names, then one per plugin set) declares every field again: compiling them was about 60% of a
/// build after the first, and the composed build is on the start-up path. The compiled resolver holds nothing of a
/// schema, so later builds reuse it. Only fields that read a property chain of the source are reused; an expression
/// with a captured value or a call could mean something else next time, so it is built as GraphQL.NET builds it.
/// </remarks>
public abstract class ObjectType<TSource> : ObjectGraphType<TSource>
{
    private static readonly ConcurrentDictionary<(Type GraphType, string Name, string Expression, bool? Nullable, Type? Type), FieldType> Declared = new();

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(Expression<Func<TSource, TProperty>> expression) =>
        Reuse(null, expression, null, null, () => base.Field(expression));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(Expression<Func<TSource, TProperty>> expression, bool nullable) =>
        Reuse(null, expression, nullable, null, () => base.Field(expression, nullable));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(Expression<Func<TSource, TProperty>> expression, Type type) =>
        Reuse(null, expression, null, type, () => base.Field(expression, type));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(string name, Expression<Func<TSource, TProperty>> expression) =>
        Reuse(name, expression, null, null, () => base.Field(name, expression));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(string name, Expression<Func<TSource, TProperty>> expression, bool nullable) =>
        Reuse(name, expression, nullable, null, () => base.Field(name, expression, nullable));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(string name, Expression<Func<TSource, TProperty>> expression, Type type) =>
        Reuse(name, expression, null, type, () => base.Field(name, expression, type));

    private FieldBuilder<TSource, TProperty> Reuse<TProperty>(string? name, Expression<Func<TSource, TProperty>> expression, bool? nullable, Type? type,
        Func<FieldBuilder<TSource, TProperty>> declare)
    {
        if (!ReadsProperties(expression)) return declare();
        var key = (GetType(), name ?? "", expression.ToString(), nullable, type);
        if (!Declared.TryGetValue(key, out var first) || first.Type is null)
        {
            var built = declare();
            // Copied now: the caller goes on to set its description, arguments and access on the builder's field.
            Declared.TryAdd(key, Copy(built.FieldType));
            return built;
        }
        var builder = CreateBuilder<TProperty>(first.Name, first.Type!);
        var field = builder.FieldType;
        field.Description = first.Description;
        field.DeprecationReason = first.DeprecationReason;
        field.DefaultValue = first.DefaultValue;
        field.Resolver = first.Resolver;
        foreach (var (metaKey, value) in first.Metadata) field.Metadata[metaKey] = value;
        AddField(field);
        return builder;
    }

    private static FieldType Copy(FieldType field)
    {
        var copy = new FieldType
        {
            Name = field.Name, Type = field.Type, Description = field.Description, DeprecationReason = field.DeprecationReason,
            DefaultValue = field.DefaultValue, Resolver = field.Resolver,
        };
        foreach (var (key, value) in field.Metadata) copy.Metadata[key] = value;
        return copy;
    }

    /// <summary>Whether the expression only reads properties or fields, starting from the source (<c>x => x.Grant.Title</c>).</summary>
    private static bool ReadsProperties(LambdaExpression expression)
    {
        var node = expression.Body;
        while (node is MemberExpression member) node = member.Expression;
        return node == expression.Parameters[0] && expression.Body is MemberExpression;
    }
}
