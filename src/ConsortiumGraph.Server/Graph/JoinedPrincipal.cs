using System.Linq.Expressions;
using System.Reflection;
using ConsortiumGraph.Data;
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
    /// <summary>
    /// <c>keys.Contains(row.{Principal}.Id)</c> when <paramref name="foreignKey"/> is a property of <paramref name="row"/>
    /// that leads to a principal entity that the row type's own filter navigates to; null otherwise.
    /// </summary>
    public static Expression? KeysOf(IModel model, ParameterExpression row, Expression foreignKey, Expression keys)
    {
        if (foreignKey is not MemberExpression { Member: PropertyInfo property } member || member.Expression != row) return null;
        var type = model.FindEntityType(row.Type);
        if (type is null) return null;
        var navigation = type.FindProperty(property.Name)?.GetContainingForeignKeys()
            .Select(fk => fk.DependentToPrincipal)
            .FirstOrDefault(n => n?.PropertyInfo is not null && n.TargetEntityType.ClrType.IsAssignableTo(typeof(Entity)) && FilterNavigates(type, n.PropertyInfo));
        if (navigation is null) return null;
        var principalKey = Expression.Property(Expression.Property(row, navigation.PropertyInfo!), nameof(Entity.Id));
        return LinqCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], keys, principalKey);
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
