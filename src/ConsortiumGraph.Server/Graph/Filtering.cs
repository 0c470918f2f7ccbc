using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace ConsortiumGraph.Graph;

/// <summary>A parsed <c>where</c> argument: the conjunction of the conditions the client gave.</summary>
public sealed record FilterCondition<T>(Expression<Func<T, bool>>? Predicate);

/// <summary>
/// A filter input type whose parsing builds the LINQ predicate, so every filter runs in SQL.
/// A filter type only declares its conditions (<see cref="AnyOf{TValue}"/>, <see cref="AtLeast{TValue}"/>...).
/// </summary>
public abstract class FilterInputType<T> : InputObjectGraphType
{
    private readonly Dictionary<string, Func<object, Expression<Func<T, bool>>>> _conditions = [];

    protected FilterInputType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Matches when the property equals any of the listed values.</summary>
    protected void AnyOf<TValue>(string name, Expression<Func<T, TValue>> property, string description, Type? graphType = null)
    {
        var element = graphType ?? typeof(TValue).GetGraphTypeFromType(isNullable: false, TypeMappingMode.InputType);
        if (!element.IsGenericType || element.GetGenericTypeDefinition() != typeof(NonNullGraphType<>))
            element = typeof(NonNullGraphType<>).MakeGenericType(element);
        Field(name, typeof(ListGraphType<>).MakeGenericType(element)).Description(description);
        _conditions[name] = value =>
        {
            var values = ((IEnumerable)value).Cast<TValue>().ToArray();
            var holder = Parameter.Of(values, typeof(TValue[]));
            return Expression.Lambda<Func<T, bool>>(
                LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)], holder, property.Body), property.Parameters);
        };
    }

    /// <summary>Matches when the text property contains the value, ignoring case.</summary>
    protected void Contains(string name, Expression<Func<T, string>> property, string description)
    {
        Field<StringGraphType>(name).Description(description);
        _conditions[name] = value =>
        {
            var toLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
            var needle = Parameter.Of(((string)value).ToLowerInvariant(), typeof(string));
            return Expression.Lambda<Func<T, bool>>(
                Expression.Call(Expression.Call(property.Body, toLower), typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, needle),
                property.Parameters);
        };
    }

    /// <summary>Matches when the property is at least the value (inclusive).</summary>
    protected void AtLeast<TValue>(string name, Expression<Func<T, TValue>> property, string description, Type? graphType = null) =>
        Compare(name, property, description, graphType, ExpressionType.GreaterThanOrEqual);

    /// <summary>Matches when the property is at most the value (inclusive).</summary>
    protected void AtMost<TValue>(string name, Expression<Func<T, TValue>> property, string description, Type? graphType = null) =>
        Compare(name, property, description, graphType, ExpressionType.LessThanOrEqual);

    /// <summary>Matches when the property is strictly before the value; rows without a value do not match.</summary>
    protected void Before<TValue>(string name, Expression<Func<T, TValue>> property, string description, Type? graphType = null) =>
        Compare(name, property, description, graphType, ExpressionType.LessThan);

    /// <summary>Matches when the property is strictly after the value; rows without a value do not match.</summary>
    protected void After<TValue>(string name, Expression<Func<T, TValue>> property, string description, Type? graphType = null) =>
        Compare(name, property, description, graphType, ExpressionType.GreaterThan);

    /// <summary>Matches rows whose foreign key (optional or not) is the node a global ID names.</summary>
    protected void IsNode<TKey>(string name, Expression<Func<T, TKey>> property, string nodeType, string description)
    {
        Field<IdGraphType>(name).Description(description);
        _conditions[name] = value =>
        {
            if (!GlobalId.TryDecode(value.ToString(), nodeType, out var id))
                throw new ExecutionError($"`{name}` is not the ID of a {nodeType}.") { Code = "INVALID_ID" };
            var key = typeof(TKey) == typeof(int) ? property.Body : Expression.Convert(property.Body, typeof(int));
            return Expression.Lambda<Func<T, bool>>(Expression.Equal(key, Parameter.Of(id, typeof(int))), property.Parameters);
        };
    }

    private void Compare<TValue>(string name, Expression<Func<T, TValue>> property, string description, Type? graphType, ExpressionType op)
    {
        var underlying = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        Field(name, graphType ?? underlying.GetGraphTypeFromType(isNullable: true, TypeMappingMode.InputType)).Description(description);
        _conditions[name] = value =>
        {
            // Nullable columns compare by their value; SQL leaves rows without one out.
            var left = underlying == typeof(TValue) ? property.Body : Expression.Convert(property.Body, underlying);
            return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(op, left, Parameter.Of(value, underlying)), property.Parameters);
        };
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        Expression<Func<T, bool>>? all = null;
        foreach (var (name, argument) in value)
        {
            if (argument is null || !_conditions.TryGetValue(name, out var condition)) continue;
            var next = condition(argument);
            all = all is null ? next : Expression.Lambda<Func<T, bool>>(
                Expression.AndAlso(all.Body, new ParameterSwap(next.Parameters[0], all.Parameters[0]).Visit(next.Body)), all.Parameters);
        }
        return new FilterCondition<T>(all);
    }
}
