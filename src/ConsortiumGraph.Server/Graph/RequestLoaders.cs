using System.Collections.Concurrent;
using System.Linq.Expressions;
using ConsortiumGraph.Data;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Graph;

/// <summary>The batch loaders of one request, by name; each reads through its own DbContext, since fields resolve in parallel.</summary>
public sealed class RequestLoaders(IDbContextFactory<ConsortiumDb> databases, Access.RequestCaller caller)
{
    private readonly ConcurrentDictionary<object, object> _loaders = new();

    /// <param name="name">Identifies the loader within the request: a string such as "MembersByPartnershipId", or a query node.</param>
    public BatchLoader<TKey, TValue> For<TKey, TValue>(
        object name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch, missing));

    /// <summary>Runs a read with a DbContext of its own, limited to the rows the caller may read.</summary>
    public async Task<T> ReadAsync<T>(Func<ConsortiumDb, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        (await caller.GetAsync(cancellationToken)).Apply(db);
        return await read(db);
    }
}

public static class EntityLoaders
{
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestLoaders>();

    /// <summary>{Entity}ById: one entity by key, batched with every other key of the same type in this step.</summary>
    public static IDataLoaderResult<T?> ById<T>(this IResolveFieldContext context, int id) where T : Entity
    {
        var loaders = context.Loaders();
        return loaders.For<int, T?>(KeyedBy<T>.Name, (ids, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, T?>>(async db =>
            {
                var rows = new Dictionary<int, T?>(ids.Count);
                await foreach (var row in KeyedBy<T>.Id.Run(db, [.. ids]).WithCancellation(ct)) rows[row.Id] = row;
                return rows;
            }, ct),
            missing: null).Load(id);
    }

    /// <summary>
    /// A reference: the entity the row was read with (<see cref="RowsByKey{T}"/>'s <c>with</c>, under the same row filter
    /// as {Entity}ById), or {Entity}ById when it was read without it.
    /// </summary>
    public static object? Reference<T>(this IResolveFieldContext context, T? readWithRow, int id) where T : Entity =>
        readWithRow is not null ? readWithRow : context.ById<T>(id);

    private static class KeyedBy<T> where T : Entity
    {
        public static readonly string Name = $"{typeof(T).Name}ById";
        public static readonly CompiledQuery<T> Id = CompiledQuery.ByKeys<T, T>(e => e.Id, rows => rows);
    }

    /// <summary>A predicate <c>keys.Contains(keyOf(e))</c> that EF Core sends as one parameter, not one literal per key.</summary>
    public static Expression<Func<T, bool>> KeyIn<T>(Expression<Func<T, int>> keyOf, IReadOnlyCollection<int> keys) =>
        Expression.Lambda<Func<T, bool>>(JoinedPrincipal.InBatch(null, keyOf.Parameters[0], keyOf.Body, Keys(keys)), keyOf.Parameters[0]);

    /// <summary>The keys as a value EF Core sends as one list parameter, not one literal per key.</summary>
    public static Expression Keys(IReadOnlyCollection<int> keys) =>
        Expression.Property(Expression.Constant(new KeyList(keys.ToArray())), nameof(KeyList.Keys));

    private sealed class KeyList(int[] keys)
    {
        public int[] Keys { get; } = keys;
    }
}

/// <summary>
/// {Entities}By{Key}: the rows whose foreign key is a parent's id, in a given order, every parent of a
/// step in one statement. Declared once per list (a static field beside its graph type), so the key
/// expression is built and compiled once, not for every parent row.
/// </summary>
/// <param name="with">
/// A reference each row is read with, when the order joins it anyway (a League's members by their school's name):
/// its field resolves from the row (<see cref="EntityLoaders.Reference"/>) instead of a statement of its own.
/// </param>
public sealed class RowsByKey<T>(string name, Expression<Func<T, int>> keyOf, Func<IQueryable<T>, IQueryable<T>>? order = null, LambdaExpression? with = null) where T : Entity
{
    private readonly Func<T, int> _key = keyOf.Compile();
    private readonly CompiledQuery<T> _rows = CompiledQuery.ByKeys(keyOf, order ?? (rows => rows.OrderBy(e => e.Id)), with);

    public IDataLoaderResult<IReadOnlyList<T>> Load(IResolveFieldContext context, int key)
    {
        var loaders = context.Loaders();
        return loaders.For<int, IReadOnlyList<T>>(name, (keys, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, IReadOnlyList<T>>>(async db =>
            {
                var rows = await _rows.Run(db, [.. keys]).ToListAsync(ct);
                return rows.GroupBy(_key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
            }, ct),
            missing: []).Load(key);
    }
}

/// <summary>
/// {Values}By{Key} through a link table, e.g. ConsortiaByDistrictId through consortium memberships:
/// one statement joins the link rows to the values for every key in the batch. Declared once per list.
/// </summary>
public sealed class RowsThroughLink<TLink, TValue> where TLink : Entity
{
    private readonly string _name;
    private readonly CompiledQuery<Keyed<TValue>> _rows;

    public RowsThroughLink(string name, Expression<Func<TLink, int>> keyOf, Expression<Func<TLink, TValue>> select, Expression<Func<TLink, bool>>? where = null)
    {
        _name = name;
        var link = keyOf.Parameters[0];
        var row = Expression.Lambda<Func<TLink, Keyed<TValue>>>(Expression.MemberInit(
            Expression.New(typeof(Keyed<TValue>)),
            Expression.Bind(typeof(Keyed<TValue>).GetProperty(nameof(Keyed<TValue>.Key))!, keyOf.Body),
            Expression.Bind(typeof(Keyed<TValue>).GetProperty(nameof(Keyed<TValue>.Value))!, new ParameterSwap(select.Parameters[0], link).Visit(select.Body))), link);
        _rows = CompiledQuery.ByKeys(keyOf, links => (where is null ? links : links.Where(where)).OrderBy(l => l.Id).Select(row));
    }

    public IDataLoaderResult<IReadOnlyList<TValue>> Load(IResolveFieldContext context, int key)
    {
        var loaders = context.Loaders();
        return loaders.For<int, IReadOnlyList<TValue>>(_name, (keys, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, IReadOnlyList<TValue>>>(async db =>
            {
                var rows = await _rows.Run(db, [.. keys]).ToListAsync(ct);
                return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<TValue>)g.Select(r => r.Value).ToList());
            }, ct),
            missing: []).Load(key);
    }
}

public sealed class Keyed<TValue>
{
    public int Key { get; set; }
    public TValue Value { get; set; } = default!;
}
