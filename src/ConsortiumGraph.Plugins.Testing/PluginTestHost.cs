using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.PluginHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Plugins.Testing;

/// <summary>
/// The real ConsortiumGraph server, in process, on a database of its own seeded with the demo
/// consortium at a fixed instant (<see cref="SeededAt"/>), so a plugin's fields and rules can be
/// tested against the same data every run. Pass plugin instances (fast, no build step; they run in the
/// test's own process) or a folder of built plugins (exactly as the server runs them: each in its runner process). Works with any test framework: failures throw.
/// </summary>
/// <example>
/// <code>
/// await using var host = new PluginTestHost(new RiversidePlugin());
/// var data = await host.QueryAsync("{ district(code: \"5000310\") { local { riverside { nextBoardMeeting } } } }");
/// </code>
/// </example>
public class PluginTestHost(params IDistrictPlugin[] plugins) : WebApplicationFactory<Program>
{
    static PluginTestHost()
    {
        // With the kit as a package, the test project has no server project for WebApplicationFactory to take the content
        // root from (its manifest names only the test's own project references): the server's folder is the test's output,
        // where the package put the server, as Program.cs has it. Inside this repository the manifest names the server project.
        const string contentRoot = "ASPNETCORE_TEST_CONTENTROOT_CONSORTIUMGRAPH_SERVER";
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var serverProject = File.Exists(manifest) && File.ReadAllText(manifest).Contains(typeof(Program).Assembly.GetName().FullName, StringComparison.Ordinal);
        if (!serverProject && Environment.GetEnvironmentVariable(contentRoot) is null)
            Environment.SetEnvironmentVariable(contentRoot, AppContext.BaseDirectory);
    }

    /// <summary>The instant the demo data is seeded at, and the clock starts from.</summary>
    public static readonly DateTimeOffset SeededAt = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"consortiumgraph-test-{Guid.NewGuid():N}.db");
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(36));
    private IReadOnlyDictionary<string, string>? _tokens;

    /// <summary>Pass as <c>token</c> to send a request without credentials.</summary>
    public const string Anonymous = "";

    /// <summary>The demo user requests act as unless they name another: the administrator of every demo consortium.</summary>
    public const string DefaultUser = "consortium-admin";

    /// <summary>
    /// A token for a demo user: <c>consortium-admin</c>, <c>staff-5000310</c> (Riverside), <c>staff-5000420</c>
    /// (Maple Ridge), <c>funder-1</c> and <c>funder-2</c> (by funder key), <c>leader-500031000003</c> (Riverside High School's principal, a school leader); see /dev/tokens.
    /// </summary>
    public async Task<string> TokenAsync(string user = DefaultUser)
    {
        _tokens ??= (await DevTokens.DemoUsersAsync(Services)).ToDictionary(u => u.User, u => u.Token);
        return _tokens.TryGetValue(user, out var token) ? token : throw new PluginTestException($"No demo user {user}; there are: {string.Join(", ", _tokens.Keys)}.");
    }

    /// <summary>A token for any role and scope, signed as the server expects.</summary>
    public string TokenFor(string role, IEnumerable<string>? districts = null, IEnumerable<string>? consortia = null, string? funder = null) =>
        Services.GetRequiredService<TokenIssuer>().Issue($"test-{role}", role, districts, consortia, funder);

    /// <summary>A token for the leader of a school (by its code): acts for the school in the League, reads the League and the directory.</summary>
    public string TokenForSchoolLeader(string schoolCode, IEnumerable<string>? consortia = null) =>
        Services.GetRequiredService<TokenIssuer>().Issue($"test-leader-{schoolCode}", Roles.SchoolLeader, consortia: consortia, schools: [schoolCode]);

    /// <summary>The server's clock; move it to pass deadlines.</summary>
    public AdjustableClock Clock { get; } = new(SeededAt);

    /// <summary>A folder of built plugins (one sub-folder each) to load as well; none when null.</summary>
    public string? PluginsPath { get; init; }

    /// <summary>The hosting environment; Testing unless a test needs another (Development validates the container at start).</summary>
    public string HostEnvironment { get; init; } = "Testing";

    /// <summary>More configuration for this host (e.g. <c>GraphQL:Limits:MaxDepth</c>), as the server's settings would give it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Serve plugin builds only once approved (<c>approvePlugin</c>), as a production server does; off by default,
    /// so the plugins in <see cref="PluginsPath"/> serve as soon as they load.
    /// </summary>
    public bool RequirePluginApproval { get; init; }

    /// <summary>Watch <see cref="PluginsPath"/> and reload on change, as the server does; off by default.</summary>
    public bool WatchPlugins { get; init; }

    /// <summary>The database provider; SQLite on a temporary file unless a subclass says otherwise.</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The connection string for <see cref="Provider"/>.</summary>
    protected virtual string ConnectionString => $"Data Source={_sqliteFile}";

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(HostEnvironment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Consortium", ConnectionString);
        builder.UseSetting("Plugins:Path", PluginsPath ?? Path.Combine(Path.GetTempPath(), $"consortiumgraph-no-plugins-{Guid.NewGuid():N}"));
        builder.UseSetting("Plugins:Watch", WatchPlugins ? "true" : "false");
        builder.UseSetting("Plugins:RequireApproval", RequirePluginApproval ? "true" : "false");
        builder.UseSetting("Auth:SigningKey", _signingKey);
        // A plugin for a district the demo lacks (the author's own) loads: its districts join the demo consortium.
        foreach (var (code, i) in plugins.SelectMany(DistrictsOf).Distinct().Select((c, i) => (c, i)))
            builder.UseSetting($"Database:DemoStandIns:{i}", code);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(ErrorLog);
            foreach (var plugin in plugins) services.AddSingleton(plugin);
        });
    }

    // A plugin that fails in its manifest, or names no usable code, is the server's to reject and report, not the kit's.
    private static IEnumerable<string> DistrictsOf(IDistrictPlugin plugin)
    {
        try
        {
            return (plugin.Manifest?.Districts ?? []).Where(c => !string.IsNullOrWhiteSpace(c) && c.Length <= 32).ToList();
        }
        catch (Exception)
        {
            return [];
        }
    }

    /// <summary>The errors the server logged; a failed <see cref="QueryAsync"/> shows those logged while it ran.</summary>
    public ServerErrorLog ErrorLog { get; } = new();

    /// <summary>The live schema: its plugins, rejections, and reload generation.</summary>
    public LiveSchema Schema => Services.GetRequiredService<LiveSchema>();

    /// <summary>SQL statements sent so far; compare before and after a request.</summary>
    public long Statements => Services.GetRequiredService<SqlStatementCounter>().Count;

    /// <summary>A DbContext on the test database, to check what was stored.</summary>
    public ConsortiumDb OpenDatabase() => Services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContext();

    /// <summary>POSTs a GraphQL request, expects HTTP 200, and returns the whole response body (data and errors).</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null, string? token = null)
    {
        var (status, body) = await SendAsync(query, variables, token: token);
        if (status != HttpStatusCode.OK) throw new PluginTestException($"HTTP {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>POSTs a GraphQL request that must succeed without errors, and returns its data.</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string? token = null)
    {
        var logged = ErrorLog.Count;
        var response = await PostAsync(query, variables, token);
        if (response.TryGetProperty("errors", out var errors))
            throw new PluginTestException($"errors: {errors}{string.Concat(ErrorLog.Since(logged).Select(e => $"{Environment.NewLine}logged by the server: {e}"))}");
        return response.GetProperty("data");
    }

    /// <summary>
    /// POSTs a GraphQL request and returns the status and body as they are. It acts as <see cref="DefaultUser"/>
    /// unless <paramref name="token"/> names other credentials (<see cref="Anonymous"/> for none).
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(string query, object? variables = null, string accept = "application/graphql-response+json", string? token = null)
    {
        token ??= await TokenAsync();
        using var client = CreateClient();
        if (token.Length > 0) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The global ID of the demo district with this code.</summary>
    public async Task<string> DistrictIdAsync(string code) =>
        (await QueryAsync("query($code: String!) { district(code: $code) { id } }", new { code })).GetProperty("district").GetProperty("id").GetString()
        ?? throw new PluginTestException($"No district has the code {code}.");

    /// <summary>The global ID of the demo partnership with this name.</summary>
    public async Task<string> PartnershipIdAsync(string name)
    {
        var nodes = (await QueryAsync("{ partnerships(first: 100) { nodes { id name } } }")).GetProperty("partnerships").GetProperty("nodes");
        return nodes.EnumerateArray().FirstOrDefault(n => n.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } node
            ? node.GetProperty("id").GetString()!
            : throw new PluginTestException($"No partnership is named {name}.");
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider != DatabaseProvider.Sqlite) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            File.Delete(file);
        GC.SuppressFinalize(this);
    }
}

/// <summary>A request through <see cref="PluginTestHost"/> did not answer as expected.</summary>
public sealed class PluginTestException(string message) : Exception(message);

/// <summary>A clock tests can move, e.g. past a decision's deadline.</summary>
public sealed class AdjustableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _now += by;
}
