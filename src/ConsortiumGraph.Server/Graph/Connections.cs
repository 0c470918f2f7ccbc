using ConsortiumGraph.Access;
using System.Linq.Expressions;
using ConsortiumGraph.Data;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Graph;

public sealed class PagingOptions
{
    /// <summary>Page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 25;
    /// <summary>The largest <c>first</c> or <c>last</c> a client may ask for.</summary>
    public int MaxPageSize { get; set; } = 100;
}

/// <summary>One page of a connection: its rows, how to write their cursors, and how to count the whole list when asked.</summary>
/// <remarks>
/// Cursors are written only when <c>edges</c> or <c>pageInfo</c> is selected: a dashboard that lists <c>nodes</c> of
/// 20 partnerships and 5 decisions each would otherwise serialize 120 cursors it never sends.
/// </remarks>
public sealed class Connection<T>(IReadOnlyList<T> nodes, Func<T, string> cursorOf, bool hasNextPage, bool hasPreviousPage, Func<object> totalCount)
{
    private PageInfo? _pageInfo;

    public IReadOnlyList<T> Nodes => nodes;
    public IEnumerable<Edge<T>> Edges => nodes.Select(node => new Edge<T> { Node = node, Cursor = cursorOf(node) });
    public PageInfo PageInfo => _pageInfo ??= new PageInfo
    {
        HasNextPage = hasNextPage,
        HasPreviousPage = hasPreviousPage,
        StartCursor = nodes.Count > 0 ? cursorOf(nodes[0]) : null,
        EndCursor = nodes.Count > 0 ? cursorOf(nodes[^1]) : null,
    };
    /// <summary>A count query (a <c>Task&lt;int&gt;</c>) or a batched count (a data-loader result), started only when a client selects <c>totalCount</c>.</summary>
    public object TotalCount() => totalCount();
}

public sealed class ConnectionType<TNodeType, T> : ObjectType<Connection<T>> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = $"{node}Connection";
        Description = $"A page of {node} objects, with cursors to fetch the pages around it.";
        this.AuthorizeWithRoles(Readers.Directory); // structure only: the objects' own types say who reads them
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, T>>>>>("edges")
            .Description("The page's objects, each with its cursor.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The page's objects, without cursors.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Whether more pages exist, and the cursors at either end of this one.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many objects the whole list has, with the same filter, across all pages.")
            .ResolveAsync(async c => c.Source.TotalCount() switch { Task<int> count => await count, var pending => pending });
    }
}

/// <summary>Relay's PageInfo, readable wherever its connection is.</summary>
public sealed class PageInfoGraphType : PageInfoType
{
    public PageInfoGraphType() => this.AuthorizeWithRoles(Readers.Directory);
}

public sealed class EdgeType<TNodeType, T> : ObjectType<Edge<T>> where TNodeType : IGraphType
{
    public EdgeType()
    {
        var node = typeof(TNodeType).GraphQLName();
        Name = $"{node}Edge";
        Description = $"A {node} in a page, with its cursor.";
        this.AuthorizeWithRoles(Readers.Directory);
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque position of this object; pass it as `after` or `before`.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description($"The {node}.").Resolve(c => c.Source.Node);
    }
}

public static class Connections
{
    /// <summary>Adds a cursor connection field: <c>first/after/last/before</c>, and <c>where</c>/<c>order</c> when given.</summary>
    public static ConnectionField<TSource, T> Connection<TSource, TNodeType, T>(this ObjectGraphType<TSource> type, string name, string description)
        where TNodeType : IGraphType where T : Entity
    {
        var field = type.Field<NonNullGraphType<ConnectionType<TNodeType, T>>>(name)
            .Description(description)
            .Argument<IntGraphType>("first", "Return the first n objects (after `after`, when given).")
            .Argument<StringGraphType>("after", "Return objects after this cursor.")
            .Argument<IntGraphType>("last", "Return the last n objects (before `before`, when given).")
            .Argument<StringGraphType>("before", "Return objects before this cursor.");
        return new ConnectionField<TSource, T>(field);
    }
}

/// <summary>Completes a connection field: what it filters and orders by, and where its rows come from.</summary>
public sealed class ConnectionField<TSource, T>(FieldBuilder<TSource, object> builder) where T : Entity
{
    // Sort keys are compiled when the field is defined; resolvers run once per parent row and only pick them.
    private static readonly SortKey<T> ById = SortKey<T>.Create((Expression<Func<T, int>>)(e => e.Id), false);
    private IReadOnlyList<SortKey<T>> _defaultOrder = [ById];

    /// <summary>Who may select this list, when not the same as its type's readers.</summary>
    public ConnectionField<TSource, T> AuthorizeWithRoles(string[] roles)
    {
        builder.FieldType.AuthorizeWithRoles(roles);
        return this;
    }

    /// <summary>An argument of the list's own (a window, a threshold), read by its query through the context.</summary>
    public ConnectionField<TSource, T> Argument<TArgumentType>(string name, string description, object? defaultValue = null) where TArgumentType : IGraphType
    {
        builder.Argument<TArgumentType>(name, description, a => a.DefaultValue = defaultValue);
        return this;
    }

    public ConnectionField<TSource, T> Filter<TFilterType>() where TFilterType : FilterInputType<T>
    {
        builder.Argument<TFilterType>("where", "Only objects that match every condition given.");
        return this;
    }

    public ConnectionField<TSource, T> Order<TOrderType>() where TOrderType : IGraphType
    {
        builder.Argument<ListGraphType<NonNullGraphType<TOrderType>>>("order", "Sort keys, most significant first. Ties are broken by creation order.");
        return this;
    }

    public ConnectionField<TSource, T> DefaultOrder<TKey>(Expression<Func<T, TKey>> key, bool descending = false)
    {
        _defaultOrder = [SortKey<T>.Create(key, descending)];
        return this;
    }

    /// <summary>Rows from a query of their own (root lists): one SQL statement, plus a COUNT when <c>totalCount</c> is selected.</summary>
    public void FromQuery(Func<IResolveFieldContext<TSource>, ConsortiumDb, IQueryable<T>> query)
    {
        builder.ResolveAsync(async context =>
        {
            var (page, filter) = Parse(context);
            var loaders = context.Loaders();
            var ct = context.CancellationToken;
            var rows = await loaders.ReadAsync(db => Shape(query(context, db), filter, page).ToListAsync(ct), ct);
            // totalCount runs after this resolver returned, when GraphQL.NET has already reused `context`: count through a copy.
            var kept = new ResolveFieldContext<TSource>(context);
            return page.ToConnection(rows, () => loaders.ReadAsync(db => Filtered(query(kept, db), filter).CountAsync(ct), ct));
        });
    }

    internal FieldBuilder<TSource, object> Field => builder;

    internal (Page<T> Page, Expression<Func<T, bool>>? Filter) Parse(IResolveFieldContext context)
    {
        var order = context.GetArgument<List<object>?>("order");
        var keys = order is { Count: > 0 } ? order.Cast<SortKey<T>>().ToList() : [.. _defaultOrder];
        if (!keys.Any(k => k.Selector.Body is MemberExpression { Member.Name: nameof(Entity.Id) }))
            keys.Add(ById);
        var filter = context.GetArgument<FilterCondition<T>?>("where")?.Predicate;
        return (Page<T>.From(context, keys), filter);
    }

    private static IQueryable<T> Filtered(IQueryable<T> query, Expression<Func<T, bool>>? filter) =>
        filter is null ? query : query.Where(filter);

    private static IQueryable<T> Shape(IQueryable<T> query, Expression<Func<T, bool>>? filter, Page<T> page)
    {
        query = Filtered(query.AsNoTracking(), filter);
        return query.Provider.CreateQuery<T>(page.Apply(query.Expression));
    }

    internal static Expression WhereEnumerable(Expression source, Expression<Func<T, bool>>? filter) =>
        filter is null ? source : LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(T)], source, filter);
}

/// <summary>Connections whose rows hang off a parent entity.</summary>
public static class ChildConnections
{
    /// <summary>
    /// Rows reached from the parent entity through a navigation. The pages of every parent in the
    /// response are read in one statement (a per-parent window in SQL), not one per parent; when
    /// <c>totalCount</c> is selected, each parent's count comes in the same statement.
    /// </summary>
    public static void FromChildren<TSource, T>(this ConnectionField<TSource, T> connection, Expression<Func<TSource, IEnumerable<T>>> children)
        where TSource : Entity where T : Entity
    {
        connection.Field.Resolve(context =>
        {
            var (page, filter) = connection.Parse(context);
            var loaders = context.Loaders();
            var (field, document) = (context.FieldAst, context.Document);
            // One loader per field occurrence in the document: every parent shares its arguments and selection,
            // so the batch reads the selection once. By field name: `n: totalCount` counts too.
            return loaders.For<int, ParentRows<T>>(field, (ids, ct) => loaders.ReadAsync(
                    db => PagesByParent(db, ids, children, filter, page, Selections.Below(field, document).Contains("totalCount"), ct), ct), missing: new ParentRows<T>())
                .Load(context.Source.Id)
                .Then(parent => page.ToConnection(parent.Rows, () => parent.Count));
        });
    }

    private static async Task<IReadOnlyDictionary<int, ParentRows<T>>> PagesByParent<TSource, T>(
        ConsortiumDb db, IReadOnlyCollection<int> parentIds, Expression<Func<TSource, IEnumerable<T>>> children,
        Expression<Func<T, bool>>? filter, Page<T> page, bool counted, CancellationToken cancellationToken)
        where TSource : Entity where T : Entity
    {
        var parent = children.Parameters[0];
        // The children are narrowed to these parents inside the per-parent window too: without it, the
        // window query numbers every child row in the table (40,000 partnerships, say) before the join keeps
        // the few it needs.
        var narrowed = ConnectionField<TSource, T>.WhereEnumerable(
            new ChildrenOfParents(db.Model.FindEntityType(typeof(TSource))!, parent, parentIds, JoinedPrincipal.ModelOf(db)).Visit(children.Body), filter);
        var toList = LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(T)], page.Apply(narrowed));
        static Expression<Func<TRow, ParentRows<T>>> Rows<TRow>(ParameterExpression row, Expression parentEntity, Expression rows, Expression? count) =>
            Expression.Lambda<Func<TRow, ParentRows<T>>>(Expression.MemberInit(Expression.New(typeof(ParentRows<T>)),
            [
                Expression.Bind(typeof(ParentRows<T>).GetProperty(nameof(ParentRows<T>.ParentId))!, Expression.Property(parentEntity, nameof(Entity.Id))),
                Expression.Bind(typeof(ParentRows<T>).GetProperty(nameof(ParentRows<T>.Rows))!, rows),
                .. count is null ? Array.Empty<MemberBinding>() : [Expression.Bind(typeof(ParentRows<T>).GetProperty(nameof(ParentRows<T>.Count))!, count)],
            ]), row);
        var count = counted ? LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(T)], narrowed) : null;
        List<ParentRows<T>> pages;
        // Counted in the outer projection, the count is a subquery beside the joined page, and PostgreSQL runs it once per
        // row of the page: 26 times for a page of 25 expenditures, 15 ms of a grant's books on national data. So there each
        // parent is counted first, in a derived table (the Take keeps it one: a limited query is not merged into the outer
        // one), and its page joined to that: the partnership page's PostgreSQL execution went from 0.96 to 0.42 ms and the
        // grant's books from 15.3 to 2.9 ms. SQLite runs the correlated count cheaply and the derived table costs it more
        // (partnership page p10 2.5 against 2.7 ms in process), so it keeps the plain shape.
        if (count is null || db.Database.IsSqlite())
            pages = await Parents<TSource>(db, parentIds).Select(Rows<TSource>(parent, parent, toList, count)).ToListAsync(cancellationToken);
        else
        {
            var counting = Expression.Lambda<Func<TSource, CountedParent<TSource>>>(Expression.MemberInit(Expression.New(typeof(CountedParent<TSource>)),
                Expression.Bind(typeof(CountedParent<TSource>).GetProperty(nameof(CountedParent<TSource>.Parent))!, parent),
                Expression.Bind(typeof(CountedParent<TSource>).GetProperty(nameof(CountedParent<TSource>.Count))!, count)), parent);
            var withCount = Expression.Parameter(typeof(CountedParent<TSource>), "counted");
            var parentOf = Expression.Property(withCount, nameof(CountedParent<TSource>.Parent));
            pages = await Parents<TSource>(db, parentIds).Select(counting).Take(parentIds.Count)
                .Select(Rows<CountedParent<TSource>>(withCount, parentOf, new ParameterSwap(parent, parentOf).Visit(toList), Expression.Property(withCount, nameof(CountedParent<TSource>.Count))))
                .ToListAsync(cancellationToken);
        }
        return pages.ToDictionary(p => p.ParentId);
    }

    private static IQueryable<TSource> Parents<TSource>(ConsortiumDb db, IReadOnlyCollection<int> ids) where TSource : Entity
    {
        var id = Expression.Parameter(typeof(TSource), "parent");
        var keyOf = Expression.Lambda<Func<TSource, int>>(Expression.Property(id, nameof(Entity.Id)), id);
        return db.Set<TSource>().AsNoTracking().Where(EntityLoaders.KeyIn(keyOf, ids));
    }

}

/// <summary>
/// Rewrites each collection navigation of the parent (<c>p.Decisions</c>) into
/// <c>p.Decisions.Where(d => parentIds.Contains(d.PartnershipId))</c>, its foreign key taken from the model.
/// The condition is true anyway for the parent's own rows; it lets the database seek the rows of the batch's
/// parents before numbering them.
/// </summary>
/// <param name="principalsOf">The model, on PostgreSQL: the parents' keys are said of the parent the child's row filter joins too (<see cref="JoinedPrincipal"/>).</param>
internal sealed class ChildrenOfParents(Microsoft.EntityFrameworkCore.Metadata.IEntityType parentType, ParameterExpression parent, IReadOnlyCollection<int> parentIds,
    Microsoft.EntityFrameworkCore.Metadata.IModel? principalsOf)
    : ExpressionVisitor
{
    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression != parent || parentType.FindNavigation(node.Member.Name) is not { IsCollection: true } navigation
            || navigation.ForeignKey.Properties is not [{ ClrType: var keyType } foreignKey] || (keyType != typeof(int) && keyType != typeof(int?)))
            return base.VisitMember(node);
        var child = Expression.Parameter(navigation.TargetEntityType.ClrType, "child");
        // An optional key (a purchase's contract) is compared by its value: the parent's own rows all have one.
        Expression key = Expression.Property(child, foreignKey.PropertyInfo!);
        if (keyType == typeof(int?)) key = Expression.Property(key, nameof(Nullable<int>.Value));
        var inBatch = Expression.Lambda(JoinedPrincipal.InBatch(principalsOf, child, key, EntityLoaders.Keys(parentIds)), child);
        return LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Where), [child.Type], node, inBatch);
    }
}

/// <summary>A parent and how many of its rows match, read before its page (<see cref="ChildConnections"/>).</summary>
public sealed class CountedParent<TSource>
{
    public TSource Parent { get; set; } = default!;
    public int Count { get; set; }
}

public sealed class ParentRows<T>
{
    public int ParentId { get; set; }
    public List<T> Rows { get; set; } = [];
    /// <summary>All the parent's rows that match the filter, across pages; read only when totalCount is selected.</summary>
    public int Count { get; set; }
}

/// <summary>The requested page: its size and direction, the cursors it starts after or ends before, and the sort keys.</summary>
public sealed class Page<T>
{
    private Page(IReadOnlyList<SortKey<T>> keys, int size, bool backward, object?[]? after, object?[]? before)
    {
        Keys = keys;
        Size = size;
        Backward = backward;
        After = after;
        Before = before;
    }

    public IReadOnlyList<SortKey<T>> Keys { get; }
    public int Size { get; }
    public bool Backward { get; }
    public object?[]? After { get; }
    public object?[]? Before { get; }

    public static Page<T> From(IResolveFieldContext context, IReadOnlyList<SortKey<T>> keys)
    {
        var options = context.RequestServices!.GetRequiredService<PagingOptions>();
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
            throw new ExecutionError("Pass `first` or `last`, not both.") { Code = "INVALID_PAGINATION" };
        var size = first ?? last ?? options.DefaultPageSize;
        if (size < 0)
            throw new ExecutionError($"`{(first is not null ? "first" : "last")}` must not be negative.") { Code = "INVALID_PAGINATION" };
        if (size > options.MaxPageSize)
            throw new ExecutionError($"`{(first is not null ? "first" : "last")}` is {size}; pages hold at most {options.MaxPageSize} objects. Page with `after`/`before`.")
            { Code = "PAGE_SIZE_EXCEEDED" };
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        return new Page<T>(keys, size, backward: last is not null,
            after is null ? null : Keyset.Decode(keys, after, "after"),
            before is null ? null : Keyset.Decode(keys, before, "before"));
    }

    /// <summary>Applies the cursor bounds, the order and one row more than the page (to tell whether another page follows).</summary>
    public Expression Apply(Expression rows)
    {
        if (After is not null) rows = Where(rows, Keyset.Beyond(Keys, After, after: true));
        if (Before is not null) rows = Where(rows, Keyset.Beyond(Keys, Before, after: false));
        rows = Keyset.Order(rows, Keys, reverse: Backward);
        var host = typeof(IQueryable).IsAssignableFrom(rows.Type) ? typeof(Queryable) : typeof(Enumerable);
        return LinqCalls.Call(host, "Take", [typeof(T)], rows, Expression.Constant(Size + 1));
    }

    public Connection<T> ToConnection(IReadOnlyList<T> fetched, Func<object> totalCount)
    {
        var more = fetched.Count > Size;
        var rows = more ? fetched.Take(Size).ToList() : fetched.ToList();
        if (Backward) rows.Reverse();
        return new Connection<T>(rows, row => Keyset.Encode(Keys, row),
            hasNextPage: Backward ? Before is not null : more || Before is not null,
            hasPreviousPage: Backward ? more || After is not null : After is not null,
            totalCount);
    }

    private static Expression Where(Expression rows, Expression<Func<T, bool>> predicate)
    {
        var queryable = typeof(IQueryable).IsAssignableFrom(rows.Type);
        return LinqCalls.Call(queryable ? typeof(Queryable) : typeof(Enumerable), "Where", [typeof(T)], rows,
            queryable ? Expression.Quote(predicate) : predicate);
    }
}
