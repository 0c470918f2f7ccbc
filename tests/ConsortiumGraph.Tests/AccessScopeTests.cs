using System.Text.Json;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>Rows each caller sees and changes: filtered in SQL (totals included), refused with typed errors, every change audited.</summary>
public abstract class AccessScopeTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static string[] Names(JsonElement connection) =>
        [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).Order()];

    [DatabaseFact]
    public async Task A_funder_sees_only_the_partnerships_and_grants_it_funds_and_no_draft_agreements()
    {
        var funder = await server.TokenAsync("funder-1"); // Tri-State Rural Education Fund
        var data = await server.QueryAsync("""
            { partnerships(first: 100) { totalCount nodes { name agreement { version effectiveOn } grants { amount } commitments(first: 100) { totalCount } } }
              commitments(first: 100) { totalCount } funders { name } }
            """, token: funder);
        var partnerships = data.GetProperty("partnerships");
        Assert.Equal(["Proficiency-Based Learning Grant", "Summer Bridge Program"], Names(partnerships));
        Assert.Equal(2, partnerships.GetProperty("totalCount").GetInt32());
        Assert.Equal(["Tri-State Rural Education Fund"], data.GetProperty("funders").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var commitmentsOfFunded = partnerships.GetProperty("nodes").EnumerateArray().Sum(p => p.GetProperty("commitments").GetProperty("totalCount").GetInt32());
        Assert.Equal(commitmentsOfFunded, data.GetProperty("commitments").GetProperty("totalCount").GetInt32());
        Assert.All(partnerships.GetProperty("nodes").EnumerateArray(), p =>
            Assert.True(p.GetProperty("agreement").ValueKind == JsonValueKind.Null || p.GetProperty("agreement").GetProperty("effectiveOn").ValueKind != JsonValueKind.Null));

        // A commitment of an unfunded partnership is not there, even by ID.
        var other = (await server.QueryAsync("""{ partnerships(first: 100, where: { kind: [JOINT_PURCHASING] }) { nodes { commitments(first: 1) { nodes { id } } } } }"""))
            .GetProperty("partnerships").GetProperty("nodes")[0].GetProperty("commitments").GetProperty("nodes")[0].GetProperty("id").GetString();
        var node = await server.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = other }, funder);
        Assert.Equal(JsonValueKind.Null, node.GetProperty("node").ValueKind);
    }

    [DatabaseFact]
    public async Task A_pooled_context_never_carries_one_callers_scope_into_the_next_rental()
    {
        var factory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IDbContextFactory<Data.ConsortiumDb>>(server.Services);
        for (var i = 0; i < 8; i++) // more rentals than one pool slot, so narrowed contexts come back
        {
            await using var narrowed = await factory.CreateDbContextAsync();
            narrowed.Unrestricted = false;
            narrowed.FundedPartnerships = [];
            Assert.Equal(0, await narrowed.Partnerships.CountAsync());
        }
        await using var fresh = await factory.CreateDbContextAsync();
        Assert.Equal(11, await fresh.Partnerships.CountAsync());
        // And a funder after a district's staff still sees what it funds.
        await server.QueryAsync("{ partnerships(first: 1) { totalCount } }", token: await server.TokenAsync("staff-5000310"));
        Assert.Equal(2, (await server.QueryAsync("{ partnerships(first: 100) { totalCount } }", token: await server.TokenAsync("funder-1")))
            .GetProperty("partnerships").GetProperty("totalCount").GetInt32());
    }

    [DatabaseFact]
    public async Task Staff_read_their_consortia_and_anonymous_callers_only_the_directory()
    {
        var graniteFalls = server.TokenFor("district-staff", districts: ["3300710"]); // Northern only, not in the Upper Valley network
        var staff = await server.QueryAsync("{ consortia { name } partnerships(first: 100) { totalCount } }", token: graniteFalls);
        Assert.Equal(["Northern New England Rural Schools Consortium"], staff.GetProperty("consortia").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(10, staff.GetProperty("partnerships").GetProperty("totalCount").GetInt32());

        var anonymous = await server.QueryAsync("{ consortia { name } districts(first: 100) { totalCount } partnerships(first: 100) { totalCount nodes { name status } } }",
            token: PluginTestHost.Anonymous);
        Assert.Equal(2, anonymous.GetProperty("consortia").GetArrayLength());
        Assert.Equal(Demo.Districts, anonymous.GetProperty("districts").GetProperty("totalCount").GetInt32());
        Assert.Equal(11, anonymous.GetProperty("partnerships").GetProperty("totalCount").GetInt32());
        var (status, body) = await server.SendAsync("{ partnerships(first: 1) { nodes { commitments(first: 1) { totalCount } } } }", token: PluginTestHost.Anonymous);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Contains("NOT_AUTHORIZED", body);
    }

    [DatabaseFact]
    public async Task District_staff_cannot_change_another_districts_commitment_and_the_row_is_unchanged()
    {
        var riverside = await server.TokenAsync("staff-5000310");
        var mapleRidgeCommitment = (await server.QueryAsync("{ district(code: \"5000420\") { commitments(first: 1, where: { status: [PLANNED, ON_TRACK, AT_RISK] }) { nodes { id status } } } }"))
            .GetProperty("district").GetProperty("commitments").GetProperty("nodes")[0];
        var id = mapleRidgeCommitment.GetProperty("id").GetString();
        await using var before = server.OpenDatabase();
        var progressBefore = await before.ProgressUpdates.CountAsync();

        var payload = (await server.QueryAsync($"mutation($input: ReportProgressInput!) {{ reportProgress(input: $input) {{ commitment {{ id }} {Errors} }} }}",
            new { input = new { commitmentId = id, status = "DROPPED", note = "Not ours to drop" } }, riverside)).GetProperty("reportProgress");
        var error = AssertError(payload, "NotAuthorizedError", "NOT_AUTHORIZED", "input", "commitmentId");
        Assert.Contains("Maple Ridge", error.GetProperty("message").GetString());
        var after = await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on Commitment { status } } }", new { id });
        Assert.Equal(mapleRidgeCommitment.GetProperty("status").GetString(), after.GetProperty("node").GetProperty("status").GetString());
        await using var db = server.OpenDatabase();
        Assert.Equal(progressBefore, await db.ProgressUpdates.CountAsync());

        // Their own district's commitment they may change; so may the admin for any district of the consortium.
        var own = (await server.QueryAsync("{ district(code: \"5000310\") { commitments(first: 1, where: { status: [PLANNED, ON_TRACK, AT_RISK] }) { nodes { id } } } }"))
            .GetProperty("district").GetProperty("commitments").GetProperty("nodes")[0].GetProperty("id").GetString();
        AssertOk((await server.QueryAsync($"mutation($input: ReportProgressInput!) {{ reportProgress(input: $input, dryRun: true) {{ commitment {{ id }} {Errors} }} }}",
            new { input = new { commitmentId = own, status = "ON_TRACK" } }, riverside)).GetProperty("reportProgress"));
        AssertOk((await server.QueryAsync($"mutation($input: ReportProgressInput!) {{ reportProgress(input: $input, dryRun: true) {{ commitment {{ id }} {Errors} }} }}",
            new { input = new { commitmentId = id, status = "ON_TRACK" } })).GetProperty("reportProgress"));
    }

    [DatabaseFact]
    public async Task Every_change_is_audited_with_who_what_and_when_for_admins_only()
    {
        var riverside = await server.TokenAsync("staff-5000310");
        var own = (await server.QueryAsync("{ district(code: \"5000310\") { commitments(first: 1, where: { status: [PLANNED, ON_TRACK, AT_RISK] }) { nodes { id status } } } }"))
            .GetProperty("district").GetProperty("commitments").GetProperty("nodes")[0];
        var newStatus = own.GetProperty("status").GetString() == "AT_RISK" ? "ON_TRACK" : "AT_RISK";
        var payload = (await server.QueryAsync($"mutation Progress($input: ReportProgressInput!) {{ reportProgress(input: $input) {{ commitment {{ status }} {Errors} }} }}",
            new { input = new { commitmentId = own.GetProperty("id").GetString(), status = newStatus, percentComplete = 40 } }, riverside)).GetProperty("reportProgress");
        AssertOk(payload);

        var log = await server.QueryAsync("""{ auditLog(first: 10, where: { subject: ["demo-staff-5000310"] }) { totalCount nodes { subject role districts operation entityType action changes } } }""");
        var entries = log.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().ToList();
        var commitment = entries.Single(e => e.GetProperty("entityType").GetString() == "Commitment" && e.GetProperty("operation").GetString() == "reportProgress in Progress");
        Assert.Equal("district-staff", commitment.GetProperty("role").GetString());
        Assert.Equal("5000310", commitment.GetProperty("districts").GetString());
        Assert.Equal("Modified", commitment.GetProperty("action").GetString());
        var status = commitment.GetProperty("changes").GetProperty("Status");
        static string Upper(string pascal) => string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
        Assert.Equal([own.GetProperty("status").GetString(), newStatus], status.EnumerateArray().Select(v => Upper(v.GetString()!)));
        Assert.Contains(entries, e => e.GetProperty("entityType").GetString() == "ProgressUpdate" && e.GetProperty("action").GetString() == "Added");

        var (code, body) = await server.SendAsync("{ auditLog(first: 1) { totalCount } }", token: riverside);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, code);
        Assert.Contains("NOT_AUTHORIZED", body);
    }

    [DatabaseFact]
    public async Task Api_keys_are_shown_once_stored_as_hashes_act_in_their_role_and_stop_when_revoked()
    {
        var funderId = (await server.QueryAsync("{ funders { id name } }")).GetProperty("funders").EnumerateArray()
            .First(f => f.GetProperty("name").GetString() == "Lakeshore Community Foundation").GetProperty("id").GetString();
        var created = (await server.QueryAsync($"mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{ apiKey {{ id name role scope secret revokedAt }} {Errors} }} }}",
            new { input = new { name = $"Lakeshore report {Guid.NewGuid():N}", role = "FUNDER", funderId } })).GetProperty("createApiKey");
        AssertOk(created);
        var key = created.GetProperty("apiKey");
        var secret = key.GetProperty("secret").GetString()!;
        Assert.StartsWith("cgk_", secret);
        await using (var db = server.OpenDatabase())
            Assert.DoesNotContain(await db.ApiKeys.Select(k => k.SecretHash).ToListAsync(), h => secret.Contains(h));
        Assert.All((await server.QueryAsync("{ apiKeys { secret } }")).GetProperty("apiKeys").EnumerateArray(), k => Assert.Equal(JsonValueKind.Null, k.GetProperty("secret").ValueKind));

        async Task<(System.Net.HttpStatusCode, string)> WithKey(string query)
        {
            using var client = server.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query }) };
            request.Headers.Add("X-Api-Key", secret);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var (ok, body) = await WithKey("{ partnerships(first: 100) { totalCount nodes { name } } }");
        Assert.Equal(System.Net.HttpStatusCode.OK, ok);
        Assert.Equal(["Proficiency-Based Learning Grant"], Names(JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("partnerships")));

        AssertOk((await server.QueryAsync($"mutation($input: RevokeApiKeyInput!) {{ revokeApiKey(input: $input) {{ apiKey {{ revokedAt }} {Errors} }} }}",
            new { input = new { id = key.GetProperty("id").GetString() } })).GetProperty("revokeApiKey"));
        var (revoked, refusal) = await WithKey("{ consortia { name } }");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, revoked);
        Assert.Contains("UNAUTHENTICATED", refusal);
    }
}

public sealed class AdminInputTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Api_keys_and_indicator_definitions_refuse_what_an_admin_may_not_grant_or_define()
    {
        async Task<JsonElement> Key(object input) => (await server.QueryAsync(
            $"mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{ apiKey {{ id }} {Errors} }} }}", new { input })).GetProperty("createApiKey");
        AssertError(await Key(new { name = "Sync", role = "DISTRICT_STAFF" }), "ValidationError", "REQUIRED", "input", "districtCodes");
        AssertError(await Key(new { name = "Sync", role = "DISTRICT_STAFF", districtCodes = new[] { "0000000" } }), "ValidationError", "NOT_FOUND", "input", "districtCodes");
        AssertError(await Key(new { name = "Board", role = "CONSORTIUM_ADMIN", consortiumIds = new[] { Graph.GlobalId.Encode("Consortium", 999) } }), "ValidationError", "NOT_FOUND", "input", "consortiumIds");
        AssertError(await Key(new { name = "Fund", role = "FUNDER" }), "ValidationError", "REQUIRED", "input", "funderId");
        AssertOk(await Key(new { name = "Riverside sync", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" } }));
        AssertError(await Key(new { name = "Riverside sync", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" } }), "ValidationError", "DUPLICATE_NAME", "input", "name");

        var northern = (await server.QueryAsync("{ consortia { id name } }")).GetProperty("consortia").EnumerateArray().First(c => c.GetProperty("name").GetString()!.StartsWith("Northern")).GetProperty("id").GetString();
        async Task<JsonElement> Define(object input, string? token = null) => (await server.QueryAsync(
            $"mutation($input: DefineIndicatorInput!) {{ defineIndicator(input: $input, dryRun: true) {{ indicator {{ code }} {Errors} }} }}", new { input }, token)).GetProperty("defineIndicator");
        var bad = await Define(new { consortiumId = northern, code = "attendance rate", name = " ", unit = "percent", aggregation = "SUM", minimumGroupSize = 0 });
        AssertError(bad, "ValidationError", "INVALID_CODE", "input", "code");
        AssertError(bad, "ValidationError", "REQUIRED", "input", "name");
        AssertError(bad, "ValidationError", "OUT_OF_RANGE", "input", "minimumGroupSize");
        AssertOk(await Define(new { consortiumId = northern, code = "DUAL_ENROLLMENT", name = "Students in dual enrollment", unit = "students", aggregation = "SUM" }));
        var (status, body) = await server.SendAsync("mutation { defineIndicator(input: { consortiumId: \"x\", code: \"X\", name: \"x\", unit: \"x\", aggregation: SUM }) { errors { code } } }",
            token: await server.TokenAsync("staff-5000310"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Contains("NOT_AUTHORIZED", body);
    }
}

public sealed class SqliteAccessScopeTests(SqliteServer server) : AccessScopeTests<SqliteServer>(server);

public sealed class PostgreSqlAccessScopeTests(PostgreSqlServer server) : AccessScopeTests<PostgreSqlServer>(server), IPostgreSqlSuite;
