using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConsortiumGraph.Tests.Infrastructure;

/// <summary>
/// The real server, in process, on a database of its own, seeded with the demo consortium at a
/// fixed instant so responses are the same on every run and every provider.
/// </summary>
public abstract class ConsortiumServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset SeededAt = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    public AdjustableClock Clock { get; } = new(SeededAt);
    public abstract DatabaseProvider Provider { get; }
    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Consortium", ConnectionString);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public virtual Task InitializeAsync()
    {
        _ = Server; // starts the host: migrations and demo data
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeDatabaseAsync();

    protected virtual Task DisposeDatabaseAsync() => base.DisposeAsync().AsTask();

    /// <summary>SQL statements sent so far; compare before and after a request.</summary>
    public long Statements => Services.GetRequiredService<SqlStatementCounter>().Count;

    public ConsortiumDb OpenDatabase() => Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContext();

    /// <summary>POSTs a GraphQL request, expects 200, and returns the whole response body.</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        var (status, body) = await SendAsync(query, variables);
        Assert.True(status == HttpStatusCode.OK, $"HTTP {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>POSTs a GraphQL request that must succeed without errors, and returns its data.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), $"errors: {errors}");
        return response.GetProperty("data");
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteServer : ConsortiumServer
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"consortiumgraph-test-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string ConnectionString => $"Data Source={_file}";

    protected override async Task DisposeDatabaseAsync()
    {
        await base.DisposeDatabaseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }
}

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

    protected override async Task DisposeDatabaseAsync()
    {
        await base.DisposeDatabaseAsync();
        if (ServerConnectionString is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A clock tests can move, e.g. past a decision's deadline.</summary>
public sealed class AdjustableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
