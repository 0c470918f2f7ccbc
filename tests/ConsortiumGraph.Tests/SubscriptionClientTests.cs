using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The graphql-ws npm client, as a front end uses it, against the built server on a real port:
/// it connects with a token in connectionParams, subscribes, and receives a vote cast over HTTP.
/// </summary>
public sealed class SubscriptionClientTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-ws-{Guid.NewGuid():N}");
    private readonly string _key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(36));
    private readonly string _postgresDatabase = $"consortiumgraph_test_{Guid.NewGuid():N}";

    [Fact]
    public async Task The_graphql_ws_client_receives_a_vote_cast_through_the_api()
    {
        Directory.CreateDirectory(_folder);
        // On PostgreSQL with its backplane when one is configured (CI), so events take the multi-instance path; SQLite otherwise.
        string[] database = PostgreSqlServer.ServerConnectionString is { } postgres
            ? ["--Database:Provider=PostgreSql", $"--ConnectionStrings:Consortium={new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = _postgresDatabase }}", "--Events:Backplane=PostgreSql"]
            : [$"--ConnectionStrings:Consortium=Data Source={Path.Combine(_folder, "ws.db")}"];
        await using var server = await BuiltServer.StartAsync(null, [.. database, $"--Auth:SigningKey={_key}", $"--Plugins:Path={Path.Combine(_folder, "none")}"]);
        using var http = new HttpClient { BaseAddress = server.Address };

        // An admin of every demo consortium (their IDs are in the public directory).
        var directory = await (await http.PostAsJsonAsync("/graphql", new { query = "{ consortia { id } }" })).Content.ReadFromJsonAsync<JsonElement>();
        var consortia = directory.GetProperty("data").GetProperty("consortia").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        var token = new TokenIssuer(new AuthOptions { SigningKey = _key }).Issue("dashboard", Roles.ConsortiumAdmin, consortia: consortia);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var clientFolder = Repository.File("tests", "graphql-ws-client");
        await BuiltServer.NpmCiAsync(clientFolder);
        using var node = BuiltServer.Run("node", clientFolder, null, "client.mjs", $"ws://127.0.0.1:{server.Port}/graphql", token);
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await node.StandardOutput.ReadLineAsync(ready.Token) is { } line && line != "READY") { }

        async Task<JsonElement> Mutate(string query, object input) =>
            await (await http.PostAsJsonAsync("/graphql", new { query, variables = new { input } })).Content.ReadFromJsonAsync<JsonElement>();
        var partnerships = await (await http.PostAsJsonAsync("/graphql", new { query = "{ partnerships(first: 100) { nodes { id name } } district(code: \"5000310\") { id } }" })).Content.ReadFromJsonAsync<JsonElement>();
        var buses = partnerships.GetProperty("data").GetProperty("partnerships").GetProperty("nodes").EnumerateArray().First(p => p.GetProperty("name").GetString() == "Regional Bus and Fuel Purchasing").GetProperty("id").GetString();
        var decision = await Mutate("mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { decision { id } errors { code } } }",
            new { partnershipId = buses, area = "budget", title = "Budget for the new routes", deadline = DateTime.UtcNow.AddDays(7) });
        var decisionId = decision.GetProperty("data").GetProperty("proposeDecision").GetProperty("decision").GetProperty("id").GetString();
        await Mutate("mutation($input: CastVoteInput!) { castVote(input: $input) { errors { code } } }",
            new { decisionId, districtId = partnerships.GetProperty("data").GetProperty("district").GetProperty("id").GetString(), choice = "YES" });

        var received = await node.StandardOutput.ReadLineAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        await node.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.True(node.ExitCode == 0, $"graphql-ws client: {received} {await node.StandardError.ReadToEndAsync()}");
        var vote = JsonDocument.Parse(received!).RootElement.GetProperty("data").GetProperty("voteCast");
        Assert.Equal("Budget for the new routes", vote.GetProperty("title").GetString());
        Assert.Equal("5000310", vote.GetProperty("votes")[0].GetProperty("district").GetProperty("code").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        if (PostgreSqlServer.ServerConnectionString is { } server)
        {
            await using var connection = new Npgsql.NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
