using System.Net;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>Each request limit is hit and answered with its own error code and status, never a 500.</summary>
public sealed class AbuseTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static string Code(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    private async Task<(HttpStatusCode Status, string Body)> PostRaw(string body, string contentType = "application/json", Action<HttpRequestMessage>? configure = null)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_read_whole()
    {
        var (status, body) = await PostRaw(JsonSerializer.Serialize(new { query = "{ consortia { name } }", variables = new { pad = new string('x', 300_000) } }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("BODY_TOO_LARGE", Code(body));
    }

    [Fact]
    public async Task A_document_over_the_limit_is_refused()
    {
        var (status, body) = await server.SendAsync("{ consortia { name } }" + new string(' ', 25_000));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("DOCUMENT_TOO_LARGE", Code(body));
    }

    [Fact]
    public async Task Too_deep_too_complex_too_many_aliases_or_root_fields_are_refused_by_validation()
    {
        // 20 levels of consortium -> partnerships -> nodes, past the limit of 15.
        var deep = "{ consortia { " + string.Concat(Enumerable.Repeat("partnerships(first: 1) { nodes { consortium { ", 7)) + "name" + new string('}', 22) + " }";
        var (status, body) = await server.SendAsync(deep);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("depth", body, StringComparison.OrdinalIgnoreCase);

        // 100 x 100 x 100 x 100 rows: a page size times each nested page size.
        var heavy = "{ partnerships(first: 100) { nodes { commitments(first: 100) { nodes { district { partnerships(first: 100) { nodes { commitments(first: 100) { nodes { title } } } } } } } } } }";
        (status, body) = await server.SendAsync(heavy);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("COMPLEXITY", Code(body));

        var aliases = "{ " + string.Join(" ", Enumerable.Range(0, 31).Select(i => $"a{i}: __typename")) + " }";
        (status, body) = await server.SendAsync(aliases);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("TOO_MANY_ALIASES", body);

        var roots = "{ " + string.Join(" ", Enumerable.Range(0, 21).Select(i => $"c{i}: consortia {{ name }}")) + " }";
        (status, body) = await server.SendAsync(roots);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("TOO_MANY_ROOT_FIELDS", body);
    }

    [Fact]
    public async Task Invalid_credentials_are_refused_and_never_served_as_anonymous()
    {
        var (status, body) = await server.SendAsync("{ consortia { name } }", token: "not-a-jwt");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", Code(body));
        var foreign = new TokenIssuer(new AuthOptions { SigningKey = new string('k', 40) }).Issue("intruder", Roles.ConsortiumAdmin);
        (status, _) = await server.SendAsync("{ consortia { name } }", token: foreign);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        (status, body) = await PostRaw("{\"query\":\"{ consortia { name } }\"}", configure: r => r.Headers.Add("X-Api-Key", "cgk_000000000000_guessedguessedguessedguessed"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHENTICATED", Code(body));
    }

    /// <summary>A computed field that takes a minute, unless the request is cancelled.</summary>
    internal sealed class SlowPlugin : ConsortiumGraph.Plugins.IDistrictPlugin
    {
        public ConsortiumGraph.Plugins.PluginManifest Manifest { get; } = new() { Key = "slow", Districts = ["5000310"], Version = "1.0.0", Description = "Slow." };

        public void Register(ConsortiumGraph.Plugins.PluginBuilder plugin) => plugin.District.Computed("forecast", ConsortiumGraph.Plugins.LocalFieldType.Int, "Slow.",
            async (districts, context) =>
            {
                await Task.Delay(TimeSpan.FromMinutes(1), context.CancellationToken);
                return districts.Select(_ => (object?)1).ToList();
            });
    }

    [Fact]
    public async Task A_request_past_the_execution_timeout_is_stopped_with_a_timeout_error()
    {
        await using var host = new PluginTestHost(new SlowPlugin()) { Settings = new Dictionary<string, string> { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.200" } };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (status, body) = await host.SendAsync("{ district(code: \"5000310\") { local { slow { forecast } } } }");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
        Assert.True(status == HttpStatusCode.ServiceUnavailable, body);
        Assert.Equal("TIMEOUT", Code(body));
    }

    [Fact]
    public async Task Introspection_can_be_turned_off()
    {
        await using var host = new PluginTestHost { Settings = new Dictionary<string, string> { ["GraphQL:Limits:Introspection"] = "false" } };
        var (status, body) = await host.SendAsync("{ __schema { types { name } } }");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("introspection", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync("{ consortia { name } }")).Status);
    }

    [Fact]
    public async Task In_persisted_only_mode_only_allowlisted_documents_run()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-persisted-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        const string report = "query FunderReport { partnerships(first: 10) { totalCount nodes { name status } } }";
        await File.WriteAllTextAsync(Path.Combine(folder, "funder-report.graphql"), report);
        try
        {
            await using var host = new PluginTestHost
            {
                Settings = new Dictionary<string, string> { ["GraphQL:PersistedDocuments:Path"] = folder, ["GraphQL:PersistedDocuments:OnlyPersisted"] = "true" },
            };
            var (status, body) = await host.SendAsync("{ consortia { name } }");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("documentId", body);

            using var client = host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await host.TokenAsync());
            using var response = await client.PostAsync("/graphql", new StringContent(
                JsonSerializer.Serialize(new { documentId = PersistedDocumentStore.Id(report) }), Encoding.UTF8, "application/json"));
            var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(11, result.GetProperty("data").GetProperty("partnerships").GetProperty("totalCount").GetInt32());

            using var unknown = await client.PostAsync("/graphql", new StringContent(
                JsonSerializer.Serialize(new { documentId = PersistedDocumentStore.Id("{ __typename }") }), Encoding.UTF8, "application/json"));
            Assert.Equal("DOCUMENT_NOT_FOUND", Code(await unknown.Content.ReadAsStringAsync())); // application/json answers 200 with the error
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_tampered_persisted_documents_manifest_stops_the_server_at_start()
    {
        var folder = Directory.CreateTempSubdirectory("consortiumgraph-manifest-").FullName;
        try
        {
            // The id of one document, the text of another: a hand-edited or tampered manifest.
            var ids = JsonSerializer.Serialize(new Dictionary<string, string> { [PersistedDocumentStore.Id("{ consortia { name } }")[7..]] = "{ auditLog(first: 100) { nodes { changes } } }" });
            await File.WriteAllTextAsync(Path.Combine(folder, "persisted-documents.json"), ids);
            await using var host = new PluginTestHost { Settings = new Dictionary<string, string> { ["GraphQL:PersistedDocuments:Path"] = folder } };
            var error = await Assert.ThrowsAnyAsync<Exception>(() => host.SendAsync("{ __typename }"));
            Assert.Contains("is not the SHA-256 (or SHA-1) hash of its document", error.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Browsers_may_call_only_from_the_configured_origins()
    {
        await using var host = new PluginTestHost { Settings = new Dictionary<string, string> { ["Cors:Origins:0"] = "https://dashboard.example.org" } };
        using var client = host.CreateClient();
        async Task<string?> AllowedOrigin(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var response = await client.SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }
        Assert.Equal("https://dashboard.example.org", await AllowedOrigin("https://dashboard.example.org"));
        Assert.Null(await AllowedOrigin("https://elsewhere.example.com"));
    }

    [Fact]
    public async Task The_server_starts_in_Development_with_its_container_validated_and_serves_demo_tokens()
    {
        await using var host = new PluginTestHost { HostEnvironment = "Development" };
        using var client = host.CreateClient();
        var tokens = JsonDocument.Parse(await client.GetStringAsync("/dev/tokens")).RootElement;
        Assert.Contains(tokens.GetProperty("users").EnumerateArray(), u => u.GetProperty("role").GetString() == "funder");
        using var production = server.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await production.GetAsync("/dev/tokens")).StatusCode);
    }
}
