using System.Security.Claims;
using System.Text.Json.Nodes;
using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.PluginHost;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Bench;

/// <summary>
/// The server as <c>Program</c> composes it (same services, same pipeline, same plugins), plus the
/// baseline endpoints and two benchmark-only endpoints: the SQL statement count and the targets.
/// </summary>
public static class BenchHost
{
    // Signs the benchmark's tokens only; the host is bound to 127.0.0.1.
    public const string SigningKey = "consortiumgraph-benchmark-signing-key-not-for-production";

    public static WebApplication Build(BenchDatabase database, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "false",
            ["Auth:SigningKey"] = SigningKey,
            ["Plugins:Watch"] = "false",
            // The sample plugins serve as built: the benchmark measures their fields, not the approval workflow.
            ["Plugins:RequireApproval"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // The model's query-filter notes and the ephemeral data-protection key are known; keep the run's output to results.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddConsortiumGraph(builder.Configuration);
        return builder.Build();
    }

    /// <summary><c>serve --provider P --connection STRING --urls URL</c>: the endpoint under load.</summary>
    public static async Task<int> ServeAsync(BenchDatabase database, string[] args)
    {
        var app = Build(database, args);
        await app.Services.InitializeDatabaseAsync();
        app.UseConsortiumGraph();
        app.MapBaseline();
        app.MapGet("/bench/statements", (SqlStatementCounter counter) => counter.Count);
        app.MapGet("/bench/memory", () =>
        {
            var info = GC.GetGCMemoryInfo();
            return new { workingSet = Environment.WorkingSet, heap = info.HeapSizeBytes, gen2Collections = GC.CollectionCount(2) };
        });
        app.MapGet("/bench/targets", async (IDbContextFactory<ConsortiumDb> databases, TokenIssuer issuer, CancellationToken ct) =>
        {
            var targets = await BenchTargets.FindAsync(databases, ct);
            return new { operations = targets.Reads.Append(targets.Mutations).Select(o => new { o.Name, o.Document, o.Variables, token = o.Caller.Token(issuer), o.Baseline }) };
        });
        app.MapGet("/bench/fanout-callers", async (int count, IDbContextFactory<ConsortiumDb> databases, TokenIssuer issuer, CancellationToken ct) =>
        {
            var callers = await (await BenchTargets.FindAsync(databases, ct)).FanOutCallersAsync(databases, count, ct);
            return new { callers = callers.Select(c => new { token = c.Caller.Token(issuer), reads = c.Reads }) };
        });
        app.MapGet("/bench/subscription-groups", (Events.SubscriptionGroups groups) => groups.Count);
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Migrates <paramref name="database"/> and fills what it lacks: the national data set, the demo
    /// consortium beside it (its districts are the sample plugins' own), and Maple Ridge's attendance figures.
    /// </summary>
    public static Task PrepareAsync(string file, double scale, int seed) => PrepareAsync(BenchDatabase.Sqlite(file), scale, seed);

    public static async Task PrepareAsync(BenchDatabase database, double scale, int seed)
    {
        await using var app = Build(database);
        await app.Services.InitializeDatabaseAsync();
        var databases = app.Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>();
        await using (var check = await databases.CreateDbContextAsync())
            if (!await check.Districts.AnyAsync())
            {
                var report = await ScaleData.GenerateAsync(databases, scale, seed, line => Console.Error.Write($"\r  {line}   "));
                Console.Error.WriteLine();
                Console.Error.WriteLine($"generated {report.Rows:N0} rows in {report.Elapsed.TotalSeconds:N1} s ({report.RowsPerSecond:N0} rows/s)");
            }
        await using (var check = await databases.CreateDbContextAsync())
            if (await check.Districts.AnyAsync(d => d.Code == BenchTargets.LocalDistrict))
            {
                ClearPools();
                return;
            }
        await using (var db = await databases.CreateDbContextAsync())
        {
            // The demo data brings Maple Ridge's stored SIS figures, which the local-fields operation reads.
            await DemoData.SeedAsync(db, TimeProvider.System);
            // Fresh statistics for the planner, as an operator would after a bulk load.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            // The statistics each load cell reads (installed here, so every copy of the database has them).
            if (database.Provider == DatabaseProvider.PostgreSql) await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        ClearPools();
    }

    // Copies of a database need it closed: no pooled connection may hold it open.
    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}

/// <summary>Executes operations in process, as a request would: a scope, the caller's principal, the live schema.</summary>
public sealed class InProcessGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GraphQLExecution _execution;
    private readonly GraphQLSerializer _serializer = new();
    private readonly IHttpContextAccessor _http;

    private InProcessGraph(WebApplication app)
    {
        _app = app;
        _execution = app.Services.GetRequiredService<GraphQLExecution>();
        _http = app.Services.GetRequiredService<IHttpContextAccessor>();
    }

    public IServiceProvider Services => _app.Services;

    public static Task<InProcessGraph> StartAsync(string file) => StartAsync(BenchDatabase.Sqlite(file));

    public static async Task<InProcessGraph> StartAsync(BenchDatabase database)
    {
        var app = BenchHost.Build(database);
        await app.Services.InitializeDatabaseAsync();
        await app.Services.GetRequiredService<LiveSchema>().StartAsync(default);
        return new InProcessGraph(app);
    }

    /// <summary>Runs the operation and writes its response to <paramref name="output"/>, as the endpoint would.</summary>
    public async Task<ExecutionResult> ExecuteAsync(string document, JsonObject variables, ClaimsPrincipal user, Stream output)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        _http.HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        var (result, _) = await _execution.ExecuteAsync(new GraphQLRequest { Query = document, Variables = _serializer.Deserialize<Inputs>(variables.ToJsonString()) },
            new GraphQLCall(scope.ServiceProvider, user, "in-process", QueriesOnly: false, Root: null, default));
        await _serializer.WriteAsync(output, result);
        return result;
    }

    /// <summary>Runs a baseline read and writes its JSON to <paramref name="output"/>.</summary>
    public async Task BaselineAsync(Func<ConsortiumDb, DateTime, CancellationToken, Task<object?>> read, ClaimsPrincipal user, Stream output)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        _http.HttpContext = new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        await Baseline.WriteAsync(output, await Baseline.RunAsync(scope.ServiceProvider, read, default), default);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
