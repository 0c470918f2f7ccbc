using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Thousands of generated malformed and hostile requests (a fixed seed, so a failure reproduces):
/// none may get a 5xx, and the database must be exactly as it was.
/// </summary>
public sealed class FuzzTests(SqliteServer server, ITestOutputHelper output) : IClassFixture<SqliteServer>
{
    private const int Requests = 3000;

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", ":", "...", "$", "!", "=", "@", "\"", "query", "mutation", "subscription", "fragment", "on", "null", "true",
        "consortia", "districts", "partnerships", "commitments", "node", "nodes", "id", "name", "first", "after", "where", "order", "createCommitment",
        "input", "castVote", "setLocalFields", "__schema", "__type", "__typename", "-1", "1e999", "2147483648", "\"\\u0000\"", "#", "\n", "\u00e9", "\ud83d\ude00",
    ];

    private static readonly string[] Mutations =
    [
        "createPartnership", "joinPartnership", "signAgreement", "createCommitment", "reportProgress", "proposeDecision", "castVote", "setLocalFields",
        "createApiKey", "revokeApiKey",
    ];

    [Fact]
    public async Task Thousands_of_hostile_requests_get_no_5xx_and_change_nothing()
    {
        var before = await ChecksumAsync();
        var random = new Random(20261123);
        var admin = await server.TokenAsync();
        var staff = await server.TokenAsync("staff-5000310");
        var statuses = new Dictionary<int, int>();
        using var client = server.CreateClient();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Generate(random, admin, staff);
            var description = $"{request.Method} {request.RequestUri} {(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"request {i} got {status}: {Truncate(description)}\n{Truncate(await response.Content.ReadAsStringAsync())}");
        }
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        Assert.Equal(before, await ChecksumAsync());
    }

    private static string Truncate(string text) => text.Length > 600 ? text[..600] + "..." : text;

    private static HttpRequestMessage Generate(Random random, string admin, string staff)
    {
        var kind = random.Next(12);
        HttpRequestMessage request;
        if (kind == 0) request = Json(RandomBytes(random));
        else if (kind == 1) request = Json(Truncated(random));
        else if (kind == 2) request = Json(WrongTypes(random));
        else if (kind == 3) request = Json($"{{\"query\":\"{{ consortia {{ name }} }}\",\"variables\":{new string('[', 300 + random.Next(300))}1{new string(']', random.Next(2) == 0 ? 0 : 300)}}}");
        else if (kind == 4) request = Json(JsonSerializer.Serialize(new { query = TokenSoup(random) }));
        else if (kind == 5) request = Json(JsonSerializer.Serialize(new { query = HostileMutation(random), variables = HostileVariables(random) }));
        else if (kind == 6) request = Json(JsonSerializer.Serialize(new { query = HostilePaging(random) }));
        else if (kind == 7)
        {
            request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ consortia { name } }", Encoding.UTF8) };
            request.Content.Headers.ContentType = new(new[] { "text/plain", "application/xml", "multipart/form-data", "application/graphql" }[random.Next(4)]);
        }
        else if (kind == 8)
            request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(random.Next(2) == 0 ? TokenSoup(random) : HostileMutation(random))
                + (random.Next(2) == 0 ? "&variables=" + Uri.EscapeDataString(Truncated(random)) : ""));
        else if (kind == 9)
            request = new HttpRequestMessage(new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options }[random.Next(4)], "/graphql")
                { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") };
        else if (kind == 10) request = Json(JsonSerializer.Serialize(new { query = "query($s: String!) { district(code: $s) { name } }", variables = new { s = new string('x', random.Next(1, 200_000)) } }));
        else request = Json(JsonSerializer.Serialize(new { query = "{ consortia { name } }", operationName = random.Next(2) == 0 ? "Missing" : null, extensions = new { persistedQuery = new { sha256Hash = "zz" } } }));

        switch (random.Next(5))
        {
            case 0: request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Convert.ToBase64String(RandomBytesRaw(random, 40))); break;
            case 1: request.Headers.TryAddWithoutValidation("X-Api-Key", "cgk_" + Convert.ToHexString(RandomBytesRaw(random, 6)) + "_" + Convert.ToBase64String(RandomBytesRaw(random, 30))); break;
            case 2: request.Headers.Authorization = new("Bearer", staff); break;
            case 3: request.Headers.Authorization = new("Bearer", admin); break;
        }
        if (random.Next(4) == 0) request.Headers.TryAddWithoutValidation("Accept", new[] { "application/graphql-response+json", "text/html", "image/png", "*/*;q=0" }[random.Next(4)]);
        return request;
    }

    private static HttpRequestMessage Json(string body) =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static byte[] RandomBytesRaw(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomBytes(Random random) => Encoding.Latin1.GetString(RandomBytesRaw(random, random.Next(1, 400)));

    private static string Truncated(Random random)
    {
        var text = JsonSerializer.Serialize(new { query = "mutation($i: CastVoteInput!) { castVote(input: $i) { errors { code } } }", variables = new { i = new { decisionId = "x", districtId = "y", choice = "YES" } } });
        return text[..random.Next(1, text.Length - 1)];
    }

    private static string WrongTypes(Random random) => random.Next(6) switch
    {
        0 => "{\"query\": 42}",
        1 => "{\"query\": [\"{ consortia { name } }\"]}",
        2 => "{\"query\": \"{ consortia { name } }\", \"variables\": \"oops\"}",
        3 => "{\"query\": \"{ consortia { name } }\", \"operationName\": {\"a\": 1}}",
        4 => "[{\"query\": \"{ consortia { name } }\"}]",
        _ => "null",
    };

    private static string TokenSoup(Random random) => string.Join(" ", Enumerable.Range(0, random.Next(1, 60)).Select(_ => Tokens[random.Next(Tokens.Length)]));

    private static string HostileMutation(Random random)
    {
        var field = Mutations[random.Next(Mutations.Length)];
        return random.Next(3) switch
        {
            0 => $"mutation($input: JSON) {{ {field}(input: $input) {{ errors {{ code }} }} }}",
            1 => $"mutation {{ {field}(input: {{ id: \"{Garbage(random)}\", plugin: \"{Garbage(random)}\", values: {{ a: [1, {{ b: null }}] }} }}) {{ errors {{ code }} }} }}",
            _ => $"mutation($input: {char.ToUpperInvariant(field[0])}{field[1..]}Input!) {{ {field}(input: $input) {{ errors {{ code message path }} }} }}",
        };
    }

    private static string HostilePaging(Random random)
    {
        string[] values = ["-1", "0", "101", "2147483647", "\"abc\"", "null", "1.5"];
        string[] cursors = ["\"\"", "\"zzz\"", "\"" + new string('A', 500) + "\"", "\"eyJ4IjoxfQ\"", "null"];
        return $"{{ districts(first: {values[random.Next(values.Length)]}, after: {cursors[random.Next(cursors.Length)]}, last: {values[random.Next(values.Length)]}, "
            + $"where: {{ nameContains: \"%_\\\\\", enrollmentAtLeast: {values[random.Next(values.Length)]} }}, order: [{{ field: NAME, direction: DESC }}]) {{ totalCount nodes {{ name }} }} }}";
    }

    private static object HostileVariables(Random random) => new
    {
        input = new Dictionary<string, object?>
        {
            ["partnershipId"] = Garbage(random), ["districtId"] = Garbage(random), ["decisionId"] = Garbage(random), ["commitmentId"] = Garbage(random),
            ["agreementId"] = Garbage(random), ["consortiumId"] = Garbage(random), ["leadDistrictId"] = Garbage(random), ["id"] = Garbage(random),
            ["title"] = random.Next(2) == 0 ? new string('t', random.Next(0, 20_000)) : null, ["name"] = "\u0000" + Garbage(random), ["signedBy"] = "",
            ["dollars"] = random.Next(3) switch { 0 => -1e30, 1 => 1e300, _ => (object)"NaN" }, ["staffFte"] = random.Next(2) == 0 ? double.MaxValue : -0.0,
            ["studentSeats"] = random.Next(2) == 0 ? (object)2147483648L : "many", ["status"] = "EXPLODED", ["choice"] = random.Next(2) == 0 ? "MAYBE" : null,
            ["deadline"] = "yesterday", ["memberDistrictIds"] = Enumerable.Range(0, random.Next(0, 300)).Select(_ => Garbage(random)).ToArray(),
            ["values"] = new Dictionary<string, object?> { ["x"] = new[] { new[] { 1 } } }, ["plugin"] = "riverside", ["area"] = "budget",
            ["kind"] = "ADVOCACY", ["agreementTitle"] = "x", ["agreementTerms"] = "y", ["role"] = "FUNDER",
            ["local"] = new[] { new { plugin = "riverside", values = "not an object" } },
        },
    };

    private static string Garbage(Random random) => random.Next(4) switch
    {
        0 => Convert.ToBase64String(Encoding.UTF8.GetBytes($"Commitment:{random.Next(-5, 2_000_000)}")),
        1 => Convert.ToBase64String(Encoding.UTF8.GetBytes($"District:{long.MaxValue}")),
        2 => new string('A', random.Next(0, 300)),
        _ => "'; DROP TABLE Commitments; --",
    };

    private async Task<string> ChecksumAsync()
    {
        await using var db = server.OpenDatabase();
        return await DatabaseChecksum.OfAsync(db);
    }
}
