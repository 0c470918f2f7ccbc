using ConsortiumGraph.Data;
using Npgsql;

namespace ConsortiumGraph.Tests;

/// <summary>The server's PostgreSQL connections: prepared statements with one generic plan, no JIT, no reset; an operator's own settings win.</summary>
public sealed class PostgreSqlConnectionTests
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_generic_plans_no_jit_and_no_reset()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseProviders.PreparedStatements("Host=db;Database=consortium;Username=app"));
        Assert.Equal(256, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=force_generic_plan -c jit=off", tuned.Options);
        Assert.Equal(("db", "consortium", "app"), (tuned.Host, tuned.Database, tuned.Username));
    }

    [Fact]
    public void What_the_operator_sets_is_kept_in_either_spelling()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseProviders.PreparedStatements(
            "Host=db;MaxAutoPrepare=0;No Reset On Close=false;Options=-c plan_cache_mode=auto -c search_path=cg"));
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
        // Their plan_cache_mode stays; JIT, which they did not mention, is still turned off.
        Assert.Equal("-c plan_cache_mode=auto -c search_path=cg -c jit=off", tuned.Options);
    }
}
