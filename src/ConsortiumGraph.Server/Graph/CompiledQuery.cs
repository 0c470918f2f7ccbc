using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ConsortiumGraph.Graph;

/// <summary>
/// A loader query whose shape never changes (the rows of one type for a batch of keys, in a fixed order), compiled by
/// EF Core once per model instead of looked up in its query cache on every batch. The row filters still apply: they
/// are part of the model and read the executing context's caller.
/// </summary>
/// <remarks>
/// Looking a query up hashes and compares its whole expression tree and extracts its parameters: in the dashboard's
/// profile (bench/profile), EF Core's query cache and parameters took 9% of the CPU. One per model, because EF Core
/// refuses to run a compiled query on a context of another model, and one process may serve SQLite and PostgreSQL
/// (the tests do).
/// </remarks>
public sealed class CompiledQuery<TResult>(Func<ConsortiumDb, Expression<Func<ConsortiumDb, int[], IQueryable<TResult>>>> queryFor)
{
    private readonly ConditionalWeakTable<IModel, Func<ConsortiumDb, int[], IAsyncEnumerable<TResult>>> _byModel = new();

    public IAsyncEnumerable<TResult> Run(ConsortiumDb db, int[] keys) =>
        _byModel.GetValue(db.Model, _ => EF.CompileAsyncQuery(queryFor(db)))(db, keys);
}

public static class CompiledQuery
{
    private static readonly System.Reflection.MethodInfo Set = typeof(DbContext).GetMethod(nameof(DbContext.Set), 1, Type.EmptyTypes)!;

    /// <summary>
    /// <c>compose(db.Set&lt;T&gt;().AsNoTracking().Where(row =&gt; keys.Contains(keyOf(row))))</c> for a batch of keys,
    /// where <paramref name="compose"/> adds the order, a condition or a projection with LINQ's operators. On PostgreSQL
    /// the keys are said of the principal the row filter joins too (<see cref="JoinedPrincipal"/>).
    /// </summary>
    /// <param name="with">A reference navigation read with each row (EF Core's <c>Include</c>), under its own row filter.</param>
    public static CompiledQuery<TResult> ByKeys<T, TResult>(Expression<Func<T, int>> keyOf, Func<IQueryable<T>, IQueryable<TResult>> compose, LambdaExpression? with = null)
        where T : class =>
        new(context => Build(keyOf, compose, with, JoinedPrincipal.ModelOf(context)));

    private static Expression<Func<ConsortiumDb, int[], IQueryable<TResult>>> Build<T, TResult>(Expression<Func<T, int>> keyOf,
        Func<IQueryable<T>, IQueryable<TResult>> compose, LambdaExpression? with, IModel? principalsOf)
        where T : class
    {
        var db = Expression.Parameter(typeof(ConsortiumDb), "db");
        var keys = Expression.Parameter(typeof(int[]), "keys");
        var rows = LinqCalls.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(T)],
            Expression.Call(db, Set.MakeGenericMethod(typeof(T))));
        var inBatch = Expression.Lambda<Func<T, bool>>(JoinedPrincipal.InBatch(principalsOf, keyOf.Parameters[0], keyOf.Body, keys), keyOf.Parameters[0]);
        var batch = LinqCalls.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], rows, Expression.Quote(inBatch));
        // Applied here, not in compose: EF Core's Include leaves a query of another provider (the stand-in below) as it is.
        if (with is not null)
            batch = LinqCalls.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.Include), [typeof(T), with.ReturnType], batch, Expression.Quote(with));
        // compose runs on a stand-in that only records the operators it applies; the batch then takes the stand-in's place.
        var standIn = Expression.Parameter(typeof(IQueryable<T>), "rows");
        var composed = compose(new EnumerableQuery<T>(standIn)).Expression;
        var body = new ParameterSwap(standIn, batch).Visit(composed);
        return Expression.Lambda<Func<ConsortiumDb, int[], IQueryable<TResult>>>(body, db, keys);
    }
}
