using System.Net;
using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>
/// HTTP and WebSocket run requests through one execution path: every request limit answers over a
/// WebSocket `subscribe` with the same code as over HTTP. Also the limits that count what a document
/// hides behind fragments and lists.
/// </summary>
public sealed class TransportLimitTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static string Code(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    private static string RootFieldsThroughFragments(int count) =>
        "{ ... on Query { " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: consortia {{ name }}")) + " } }";

    public static readonly TheoryData<string, string, string> Limits = new()
    {
        { "document length", "{ consortia { name } }" + new string(' ', 150_000), "DOCUMENT_TOO_LARGE" },
        { "root fields in an inline fragment", RootFieldsThroughFragments(21), "TOO_MANY_ROOT_FIELDS" },
        { "root fields in a named fragment", "query { ...Many } fragment Many on Query { " + string.Join(" ", Enumerable.Range(0, 21).Select(i => $"f{i}: __typename")) + " }", "TOO_MANY_ROOT_FIELDS" },
        { "depth", "{ consortia { " + string.Concat(Enumerable.Repeat("partnerships(first: 1) { nodes { consortium { ", 7)) + "name" + new string('}', 22) + " }", "COMPLEXITY" },
        { "aliases", "{ consortia { " + string.Join(" ", Enumerable.Range(0, 31).Select(i => $"a{i}: name")) + " } }", "TOO_MANY_ALIASES" },
        { "complexity", "{ partnerships(first: 100) { nodes { commitments(first: 100) { nodes { district { partnerships(first: 100) { nodes { commitments(first: 100) { nodes { title } } } } } } } } } }", "COMPLEXITY" },
        { "list items in an argument", "{ nodes(ids: [" + string.Join(", ", Enumerable.Repeat("\"x\"", 101)) + "]) { id } }", "TOO_MANY_ITEMS" },
        { "list items in an input object", "{ partnerships(first: 1, where: { status: [" + string.Join(", ", Enumerable.Repeat("ACTIVE", 101)) + "] }) { totalCount } }", "TOO_MANY_ITEMS" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Each_limit_answers_the_same_code_over_http_and_websocket(string limit, string query, string code)
    {
        var (status, body) = await server.SendAsync(query);
        Assert.True(status == HttpStatusCode.BadRequest, $"{limit} over HTTP: {(int)status} {body}");
        Assert.Equal(code, Code(body));
        Assert.Equal(code, await WebSocketCodeAsync(server, query));
    }

    private static async Task<string> WebSocketCodeAsync(PluginTestHost host, string query, string? token = null)
    {
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(host, token ?? await host.TokenAsync());
        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query } });
        var message = (await socket.ReceiveAsync())!.Value;
        Assert.True(message.GetProperty("type").GetString() == "error", message.ToString());
        return message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task The_limits_a_host_turns_on_hold_over_websocket_too()
    {
        await using (var closed = new PluginTestHost { Settings = new Dictionary<string, string> { ["GraphQL:Limits:Introspection"] = "false" } })
        {
            var (_, body) = await closed.SendAsync("{ __schema { queryType { name } } }");
            Assert.Equal(Code(body), await WebSocketCodeAsync(closed, "{ __schema { queryType { name } } }"));
        }
        await using (var slow = new PluginTestHost(new AbuseTests.SlowPlugin()) { Settings = new Dictionary<string, string> { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.200" } })
            Assert.Equal("TIMEOUT", await WebSocketCodeAsync(slow, "{ district(code: \"5000310\") { local { slow { forecast } } } }"));
        var folder = Directory.CreateTempSubdirectory("consortiumgraph-persisted-").FullName;
        try
        {
            await using var persisted = new PluginTestHost
            {
                Settings = new Dictionary<string, string> { ["GraphQL:PersistedDocuments:Path"] = folder, ["GraphQL:PersistedDocuments:OnlyPersisted"] = "true" },
            };
            var (_, body) = await persisted.SendAsync("{ consortia { name } }");
            Assert.Equal(Code(body), await WebSocketCodeAsync(persisted, "{ consortia { name } }"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Operations_sent_over_websocket_have_their_span_and_metrics()
    {
        var spans = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Operations.Telemetry.Source.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(server, await server.TokenAsync());
        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "query OverTheSocket { consortia { name } }" } });
        Assert.Equal("next", (await socket.ReceiveAsync())!.Value.GetProperty("type").GetString());
        lock (spans)
            Assert.Contains(spans, s => s.DisplayName == "graphql OverTheSocket" && (string?)s.GetTagItem("graphql.transport") == "websocket");
    }

    [Fact]
    public async Task A_long_input_list_is_refused_before_any_work_and_bulk_lists_have_their_own_limit()
    {
        var districts = Enumerable.Repeat(await server.DistrictIdAsync("5000310"), 10_001).ToArray();
        var (status, body) = await server.SendAsync("""
            mutation($ids: [ID!]!) { createPartnership(dryRun: true, input: { consortiumId: "x", name: "x", kind: ADVOCACY, leadDistrictId: "x",
              memberDistrictIds: $ids, agreementTitle: "x", agreementTerms: "x" }) { errors { code } } }
            """, new { ids = districts });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("TOO_MANY_ITEMS", Code(body));
        Assert.Contains("input.memberDistrictIds", body);

        const string report = "mutation($input: ReportIndicatorValuesInput!) { reportIndicatorValues(dryRun: true, input: $input) { errors { code } } }";
        object Values(int count) => new { districtId = districts[0], period = "2025-26", values = Enumerable.Range(0, count).Select(i => new { indicator = $"X{i}", value = 1.0, studentCount = 20 }) };
        (status, body) = await server.SendAsync(report, new { input = Values(1001) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("MaxBulkItems", body);
        (status, body) = await server.SendAsync(report, new { input = Values(1000) });
        Assert.True(status == HttpStatusCode.OK, body); // within the bulk limit: the payload answers (unknown indicators)
        Assert.Contains("UNKNOWN_INDICATOR", body);
    }

    /// <summary>Fragments whose spreads double at every level, and fragments that spread themselves: the shape rules answer at once.</summary>
    [Theory]
    [InlineData("root fields", "TOO_MANY_ROOT_FIELDS", "Query", "__typename")]
    [InlineData("introspection lists", "INTROSPECTION_TOO_DEEP", "__Type", "fields { type { name } }")]
    public async Task Fragments_that_double_or_cycle_are_refused_without_expanding_them(string what, string code, string on, string leaf)
    {
        // F0 spreads F1 twice, F1 spreads F2 twice, ... : 2^40 selections if expanded.
        var chain = string.Concat(Enumerable.Range(0, 40).Select(i => $"fragment F{i} on {on} {{ {(on == "Query" ? "" : "fields { type { ")}...F{i + 1} ...F{i + 1}{(on == "Query" ? "" : " } }")} }} "))
            + $"fragment F40 on {on} {{ {leaf} }}";
        var query = (on == "Query" ? "{ ...F0 } " : "{ __type(name: \"Query\") { ...F0 } } ") + chain;
        var answer = server.SendAsync(query);
        Assert.True(await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(30))) == answer, $"{what}: no answer within 30 s");
        var (status, body) = await answer;
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(code, body);

        // A fragment that spreads itself is the fragment-cycle rule's to report; the shape rules must not loop on it.
        var cycle = on == "Query" ? "{ ...A } fragment A on Query { __typename ...A }" : "{ __type(name: \"Query\") { ...A } } fragment A on __Type { ofType { ...A } }";
        answer = server.SendAsync(cycle);
        Assert.True(await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(30))) == answer, $"{what}: a cycle got no answer within 30 s");
        (status, body) = await answer;
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("NO_FRAGMENT_CYCLES", body);
    }

    [Fact]
    public async Task A_mutation_over_get_is_refused_even_when_its_document_is_cached()
    {
        const string mutation = "mutation { reportProgress(dryRun: true, input: { commitmentId: \"x\", status: ON_TRACK }) { errors { code } } }";
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync(mutation)).Status); // parsed, validated and cached by the POST
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(mutation));
        request.Headers.Authorization = new("Bearer", await server.TokenAsync());
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        Assert.Equal("METHOD_NOT_ALLOWED", Code(await response.Content.ReadAsStringAsync()));
    }
}
