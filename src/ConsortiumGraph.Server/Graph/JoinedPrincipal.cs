using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ConsortiumGraph.Graph;

/// <summary>
/// For PostgreSQL, a batch's keys said of the principal that a row filter joins, beside the foreign key the batch
/// reads by: <c>keys.Contains(d.Grant.Id)</c> with <c>keys.Contains(d.GrantId)</c> for a grant's drawdowns, whose
/// row filter goes through the grant to its partnership.
/// </summary>
/// <remarks>
/// The server prepares each statement with one generic plan (docs/deployment.md). Not knowing how many keys the array
/// holds, PostgreSQL planned a grant's drawdowns as a hash of all 4,003 grants the filter joins, 0.65 ms warm (EXPLAIN
/// ANALYZE on the national data), where the grant found by its primary key takes 0.03 ms. The condition is true of
/// every row the batch reads anyway. SQLite sees each key as a parameter of its own and plans each statement as it runs
/// it, so it is not given the condition.
/// </remarks>
public static class JoinedPrincipal
{
    // The principal navigation of each (row type, foreign key), found once per model: batches ask on every page.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<(Type Row, string ForeignKey), PropertyInfo?>> Navigations = new();

    /// <summary>The model to find principals in: the context's on PostgreSQL, none elsewhere (no condition is added).</summary>
    public static IModel? ModelOf(ConsortiumDb db) => db.Database.IsNpgsql() ? db.Model : null;

    /// <summary>
    /// <c>keys.Contains(foreignKey)</c>, and with <paramref name="principalsOf"/> <c>&amp;&amp; keys.Contains(row.{Principal}.Id)</c>
    /// when <paramref name="foreignKey"/> is a property of <paramref name="row"/> that leads to a principal entity that the
    /// row type's own filter navigates to.
    /// </summary>
    public static Expression InBatch(IModel? principalsOf, ParameterExpression row, Expression foreignKey, Expression keys)
    {
        Expression condition = LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], keys, foreignKey);
        if (principalsOf is null || Navigation(principalsOf, row, foreignKey) is not { } navigation) return condition;
        var principalKey = Expression.Property(Expression.Property(row, navigation), nameof(Entity.Id));
        return Expression.AndAlso(condition, LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], keys, principalKey));
    }

    private static PropertyInfo? Navigation(IModel model, ParameterExpression row, Expression foreignKey)
    {
        if (foreignKey is not MemberExpression { Member: PropertyInfo property } member || member.Expression != row) return null;
        return Navigations.GetValue(model, _ => new()).GetOrAdd((row.Type, property.Name), key =>
        {
            var type = model.FindEntityType(key.Row);
            return type?.FindProperty(key.ForeignKey)?.GetContainingForeignKeys()
                .Select(fk => fk.DependentToPrincipal)
                .FirstOrDefault(n => n?.PropertyInfo is not null && n.TargetEntityType.ClrType.IsAssignableTo(typeof(Entity)) && FilterNavigates(type, n.PropertyInfo))
                ?.PropertyInfo;
        });
    }

    // Only where the filter already joins the principal: elsewhere the condition would add a join of its own.
    private static bool FilterNavigates(IEntityType type, PropertyInfo navigation) =>
        type.GetDeclaredQueryFilters().Any(filter => filter.Expression is { } condition && new NavigationFinder(navigation).Finds(condition));

    private sealed class NavigationFinder(PropertyInfo navigation) : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Member.Name == navigation.Name && node.Member.DeclaringType == navigation.DeclaringType && node.Expression is ParameterExpression) _found = true;
            return base.VisitMember(node);
        }
    }
}
