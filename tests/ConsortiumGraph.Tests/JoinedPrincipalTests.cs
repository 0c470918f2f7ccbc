using System.Linq.Expressions;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Grants;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A batch's keys are said of the principal only where the row's own filter already joins it: elsewhere the condition
/// would add a join (and that principal's filter) to the statement. No server is contacted.
/// </summary>
public sealed class JoinedPrincipalTests
{
    [Theory]
    [InlineData(typeof(Drawdown), nameof(Drawdown.GrantId), "Grant")]              // its filter goes through the grant to the partnership
    [InlineData(typeof(Commitment), nameof(Commitment.PartnershipId), "Partnership")]
    [InlineData(typeof(Commitment), nameof(Commitment.DistrictId), null)]           // its filter does not go through the district
    public void The_principal_key_is_added_only_where_the_row_filter_joins_it(Type rowType, string foreignKey, string? principal)
    {
        using var db = DatabaseProviders.Create(DatabaseProvider.PostgreSql, "Host=localhost;Database=model_check");
        var row = Expression.Parameter(rowType, "row");
        var keys = Expression.Parameter(typeof(int[]), "keys");
        var condition = JoinedPrincipal.InBatch(db.Model, row, Expression.Property(row, foreignKey), keys);
        var own = $"keys.Contains(row.{foreignKey})";
        Assert.Equal(principal is null ? own : $"({own} AndAlso keys.Contains(row.{principal}.Id))", condition.ToString());
        // Without a model (SQLite) the batch is the foreign key's alone.
        Assert.Equal(own, JoinedPrincipal.InBatch(null, row, Expression.Property(row, foreignKey), keys).ToString());
    }
}
