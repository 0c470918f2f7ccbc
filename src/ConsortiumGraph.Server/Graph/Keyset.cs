using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;

namespace ConsortiumGraph.Graph;

/// <summary>One key of a sort order; the last key of every order is the row id, so cursors are unique.</summary>
public sealed class SortKey<T>
{
    private SortKey(LambdaExpression selector, bool descending)
    {
        Selector = selector;
        Descending = descending;
        Read = Expression.Lambda<Func<T, object?>>(Expression.Convert(selector.Body, typeof(object)), selector.Parameters).Compile();
    }

    public LambdaExpression Selector { get; }
    public bool Descending { get; }
    public Func<T, object?> Read { get; }
    public Type ValueType => Selector.ReturnType;
    private Type? NullableOf => Nullable.GetUnderlyingType(ValueType);

    public static SortKey<T> Create(LambdaExpression selector, bool descending) => new(selector, descending);

    internal Expression Body(ParameterExpression row) => new ParameterSwap(Selector.Parameters[0], row).Visit(Selector.Body);

    /// <summary>Rows equal to <paramref name="value"/> on this key.</summary>
    internal Expression EqualTo(ParameterExpression row, object? value)
    {
        var key = Body(row);
        if (NullableOf is { } underlying)
            return value is null
                ? Expression.Not(Expression.Property(key, "HasValue"))
                : Expression.AndAlso(Expression.Property(key, "HasValue"), Compare(Expression.Property(key, "Value"), underlying, value, ExpressionType.Equal));
        return Compare(key, ValueType, value, ExpressionType.Equal);
    }

    /// <summary>
    /// Rows strictly after (or before) <paramref name="value"/> in this key's sequence order.
    /// Nulls come last in either direction, the same on every provider (SQLite and SQL Server put
    /// them first, PostgreSQL last, when left alone).
    /// </summary>
    internal Expression Beyond(ParameterExpression row, object? value, bool after)
    {
        var key = Body(row);
        var op = after == Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
        if (NullableOf is not { } underlying)
            return Compare(key, ValueType, value, op);
        var hasValue = Expression.Property(key, "HasValue");
        if (value is null)
            return after ? Expression.Constant(false) : hasValue;
        var compared = Compare(Expression.Property(key, "Value"), underlying, value, op);
        return after
            ? Expression.OrElse(Expression.Not(hasValue), Expression.AndAlso(hasValue, compared))
            : Expression.AndAlso(hasValue, compared);
    }

    /// <summary>The null-rank key that puts nulls last, for a nullable key; null otherwise.</summary>
    internal LambdaExpression? NullRank()
    {
        if (NullableOf is null) return null;
        var row = Selector.Parameters[0];
        return Expression.Lambda(
            Expression.Condition(Expression.Property(Selector.Body, "HasValue"), Expression.Constant(0), Expression.Constant(1)), row);
    }

    private static Expression Compare(Expression key, Type type, object? value, ExpressionType op)
    {
        var constant = Parameter.Of(value, type);
        if (type == typeof(string))
            return Expression.MakeBinary(op,
                Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, constant),
                Expression.Constant(0));
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            return Expression.MakeBinary(op, Expression.Convert(key, underlying), Expression.Convert(constant, underlying));
        }
        return Expression.MakeBinary(op, key, constant);
    }

    internal object? DecodeValue(JsonElement element) => element.Deserialize(ValueType);
}

/// <summary>Sorting, cursor predicates and cursor encoding over a list of sort keys.</summary>
public static class Keyset
{
    /// <summary>Orders a sequence (an <see cref="IQueryable{T}"/>, or an <see cref="IEnumerable{T}"/> inside a projection) by the keys.</summary>
    public static Expression Order<T>(Expression source, IReadOnlyList<SortKey<T>> keys, bool reverse)
    {
        var host = typeof(IQueryable).IsAssignableFrom(source.Type) ? typeof(Queryable) : typeof(Enumerable);
        var first = true;
        foreach (var key in keys)
        {
            if (key.NullRank() is { } rank)
                source = Apply(source, host, rank, descending: reverse, ref first);
            source = Apply(source, host, key.Selector, descending: key.Descending != reverse, ref first);
        }
        return source;

        static Expression Apply(Expression source, Type host, LambdaExpression key, bool descending, ref bool first)
        {
            var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            first = false;
            Expression argument = host == typeof(Queryable) ? Expression.Quote(key) : key;
            return LinqCalls.Call(host, method, [typeof(T), key.ReturnType], source, argument);
        }
    }

    /// <summary>Rows strictly after (or before) the row a cursor points at, in the keys' sequence order.</summary>
    public static Expression<Func<T, bool>> Beyond<T>(IReadOnlyList<SortKey<T>> keys, object?[] cursor, bool after)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null;
        for (var i = 0; i < keys.Count; i++)
        {
            Expression term = keys[i].Beyond(row, cursor[i], after);
            for (var j = i - 1; j >= 0; j--)
                term = Expression.AndAlso(keys[j].EqualTo(row, cursor[j]), term);
            any = any is null ? term : Expression.OrElse(any, term);
        }
        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(true), row);
    }

    public static string Encode<T>(IReadOnlyList<SortKey<T>> keys, T row) =>
        System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(keys.Select(k => k.Read(row)).ToArray()));

    public static object?[] Decode<T>(IReadOnlyList<SortKey<T>> keys, string cursor, string argumentName)
    {
        try
        {
            var elements = JsonSerializer.Deserialize<JsonElement[]>(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
            if (elements is null || elements.Length != keys.Count) throw new FormatException();
            return keys.Select((k, i) => k.DecodeValue(elements[i])).ToArray();
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new ExecutionError($"`{argumentName}` is not a cursor of this list in this order. Use a cursor returned by the same field with the same `order`.")
            { Code = "INVALID_CURSOR" };
        }
    }
}

/// <summary>Wraps a value so EF Core sends it as a SQL parameter rather than a literal (one cached plan for every value).</summary>
internal static class Parameter
{
    public static Expression Of(object? value, Type type) =>
        Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)), "Value");

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

internal sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
