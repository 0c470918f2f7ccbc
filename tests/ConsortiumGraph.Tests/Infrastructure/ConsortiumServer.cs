using ConsortiumGraph.Data;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Testing;
using Npgsql;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>
/// The plugin test kit's host as an xunit fixture: the real server in process, seeded at a fixed
/// instant, with the sample plugins loaded from their built folders as the server loads them.
/// </summary>
public abstract class ConsortiumServer : PluginTestHost, IAsyncLifetime
{
    /// <summary>The built plugins the test project copies beside itself (see the test project file).</summary>
    public static string BuiltPlugins(string folderRoot = "plugins") => Path.Combine(AppContext.BaseDirectory, folderRoot);

    protected ConsortiumServer(params IDistrictPlugin[] plugins) : base(plugins) => PluginsPath = BuiltPlugins();

    public virtual Task InitializeAsync()
    {
        _ = Server; // starts the host: migrations, demo data, plugins
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

public sealed class SqliteServer : ConsortiumServer;

/// <summary>A database of its own on the PostgreSQL server named by CONSORTIUMGRAPH_TEST_POSTGRES; dropped afterwards.</summary>
public sealed class PostgreSqlServer : ConsortiumServer
{
    public const string Variable = "CONSORTIUMGRAPH_TEST_POSTGRES";
    private readonly string _database = $"consortiumgraph_test_{Guid.NewGuid():N}";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.")) { Database = _database }.ConnectionString;

    // Skipped suites (no server configured) still get their fixture built and disposed: leave it inert.
    public override Task InitializeAsync() => ServerConnectionString is null ? Task.CompletedTask : base.InitializeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ServerConnectionString is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
