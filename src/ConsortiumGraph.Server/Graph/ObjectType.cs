using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>
/// The base of the server's object types: GraphQL.NET's <see cref="ObjectGraphType{TSourceType}"/>, except that a field
/// declared from a property (<c>Field(x => x.Name)</c>) compiles its resolver when it first resolves, and is declared
/// once per process and copied into every later schema.
/// </summary>
/// <remarks>
/// GraphQL.NET compiles a property field's resolver when the field is declared, and every schema build (the one that
/// knows the core's names, then one per plugin set) declares all 400 of them again: compiling them was about 60% of a
/// build after the first, and in the first, 550 methods for the JIT while the database is being prepared beside it.
/// A field here is declared as GraphQL.NET declares it (the graph type from the property's type, nullable annotation
/// and attributes; its description and deprecation from attributes; the original-property note that only input types
/// read is left out). Its resolver, compiled once on first use, holds nothing of a schema, so later builds reuse it.
/// Only fields that read a property chain of the source are declared this way; an expression with a captured value or
/// a call could mean something else next time, so GraphQL.NET declares it.
/// </remarks>
public abstract class ObjectType<TSource> : ObjectGraphType<TSource>
{
    private static readonly ConcurrentDictionary<(Type GraphType, string? Name, string Expression, bool? Nullable, Type? Type), FieldType> Declared = new();

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(Expression<Func<TSource, TProperty>> expression) =>
        Declare(null, expression, null, null, () => base.Field(expression));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(Expression<Func<TSource, TProperty>> expression, bool nullable) =>
        Declare(null, expression, nullable, null, () => base.Field(expression, nullable));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(Expression<Func<TSource, TProperty>> expression, Type type) =>
        Declare(null, expression, null, type, () => base.Field(expression, type));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(string name, Expression<Func<TSource, TProperty>> expression) =>
        Declare(name, expression, null, null, () => base.Field(name, expression));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(string name, Expression<Func<TSource, TProperty>> expression, bool nullable) =>
        Declare(name, expression, nullable, null, () => base.Field(name, expression, nullable));

    public override FieldBuilder<TSource, TProperty> Field<TProperty>(string name, Expression<Func<TSource, TProperty>> expression, Type type) =>
        Declare(name, expression, null, type, () => base.Field(name, expression, type));

    private FieldBuilder<TSource, TProperty> Declare<TProperty>(string? name, Expression<Func<TSource, TProperty>> expression, bool? nullable, Type? type,
        Func<FieldBuilder<TSource, TProperty>> byGraphQLNet)
    {
        if (!ReadsProperties(expression)) return byGraphQLNet();
        FieldType declared;
        try
        {
            declared = Declared.GetOrAdd((GetType(), name, expression.ToString(), nullable, type), _ => Describe(name, expression, nullable, type));
        }
        catch (ArgumentException)
        {
            // No graph type for the property: GraphQL.NET's own declaration says so in its words.
            return byGraphQLNet();
        }
        var builder = CreateBuilder<TProperty>(declared.Name, declared.Type!);
        var field = builder.FieldType;
        field.Description = declared.Description;
        field.DeprecationReason = declared.DeprecationReason;
        field.DefaultValue = declared.DefaultValue;
        field.Resolver = declared.Resolver;
        AddField(field);
        return builder;
    }

    /// <summary>The field GraphQL.NET's <c>Field(expression)</c> declares for a property chain, with a resolver compiled on first use.</summary>
    private static FieldType Describe<TProperty>(string? name, Expression<Func<TSource, TProperty>> expression, bool? nullable, Type? type)
    {
        var member = ((MemberExpression)expression.Body).Member;
        if (type is null && nullable is null && GlobalSwitches.InferFieldNullabilityFromNRTAnnotations)
        {
            var information = member is PropertyInfo property ? new TypeInformation(property, false) : new TypeInformation((FieldInfo)member, false);
            information.ApplyAttributes();
            type = information.ConstructGraphType();
        }
        type ??= typeof(TProperty).GetGraphTypeFromType(nullable ?? false, TypeMappingMode.OutputType);
        return new FieldType
        {
            Name = name ?? expression.NameOf(), Type = type, Description = expression.DescriptionOf(),
            DeprecationReason = expression.DeprecationReasonOf(), DefaultValue = expression.DefaultValueOf(),
            Resolver = new PropertyResolver<TProperty>(expression),
        };
    }

    /// <summary>Whether the expression only reads properties or fields, starting from the source (<c>x => x.Grant.Title</c>).</summary>
    private static bool ReadsProperties(LambdaExpression expression)
    {
        if (expression.Body is not MemberExpression { Member: PropertyInfo or FieldInfo }) return false;
        var node = expression.Body;
        while (node is MemberExpression member) node = member.Expression;
        return node == expression.Parameters[0];
    }

    /// <summary>Reads a property chain of the source; GraphQL.NET's expression resolver, compiled when the field first resolves.</summary>
    private sealed class PropertyResolver<TProperty>(Expression<Func<TSource, TProperty>> expression) : IFieldResolver, IRequiresResolveFieldContextAccessor
    {
        private IFieldResolver? _compiled;

        // Reads the source only, as GraphQL.NET's resolver for a member access says of itself.
        public bool RequiresResolveFieldContextAccessor => false;

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            (_compiled ??= new ExpressionFieldResolver<TSource, TProperty>(expression)).ResolveAsync(context);
    }
}
