using System.Net;
using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// No caller reaches another consortium's data. The demo's Upper Valley network (consortium 2) has four
/// districts, each also a member of Northern (consortium 1): the districts in two consortia are where a
/// scope check that looks at the district instead of the consortium leaks. Callers here are admins of one
/// consortium only, staff of a district in both, staff of a district in Northern only, and a funder.
/// </summary>
public abstract class TenantIsolationTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private const int Northern = 1, UpperValley = 2;
    private static string ConsortiumId(int id) => GlobalId.Encode("Consortium", id);
    private string AdminOf(int consortium) => server.TokenFor("consortium-admin", consortia: [ConsortiumId(consortium)]);

    private async Task<(HttpStatusCode Status, string Body)> WithApiKeyAsync(string secret, string query, object? variables = null, string? bearer = null)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-Api-Key", secret);
        if (bearer is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> CreateKeyAsync(object input, string token)
    {
        var payload = (await server.QueryAsync($"mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{ apiKey {{ id secret consortia {{ id }} }} {Errors} }} }}",
            new { input }, token)).GetProperty("createApiKey");
        return payload;
    }

    private async Task<string> OpenCommitmentAsync(int consortium, string districtCode)
    {
        await using var db = server.OpenDatabase();
        var id = await db.Commitments.Where(c => c.Partnership.ConsortiumId == consortium && c.District.Code == districtCode
                && c.Status != Commitments.CommitmentStatus.Done && c.Status != Commitments.CommitmentStatus.Dropped)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        return GlobalId.Encode("Commitment", id);
    }

    [DatabaseFact]
    public async Task An_admin_of_one_consortium_reads_only_its_trail_not_changes_a_shared_district_made_in_the_other()
    {
        var riverside = await server.TokenAsync("staff-5000310"); // a member of both consortia
        var northernNote = $"northern-only progress {Guid.NewGuid():N}";
        var valleyNote = $"valley progress {Guid.NewGuid():N}";
        foreach (var (consortium, note) in new[] { (Northern, northernNote), (UpperValley, valleyNote) })
            AssertOk((await server.QueryAsync($"mutation($input: ReportProgressInput!) {{ reportProgress(input: $input) {{ commitment {{ id }} {Errors} }} }}",
                new { input = new { commitmentId = await OpenCommitmentAsync(consortium, "5000310"), status = "ON_TRACK", note } }, riverside)).GetProperty("reportProgress"));

        async Task<string> TrailAsync(string token) =>
            (await server.QueryAsync("""{ auditLog(first: 100, where: { subject: ["demo-staff-5000310"] }) { nodes { entityType changes } } }""", token: token)).GetRawText();
        var valleyTrail = await TrailAsync(AdminOf(UpperValley));
        Assert.Contains(valleyNote, valleyTrail);
        Assert.DoesNotContain(northernNote, valleyTrail);
        var northernTrail = await TrailAsync(AdminOf(Northern));
        Assert.Contains(northernNote, northernTrail);
        Assert.DoesNotContain(valleyNote, northernTrail);

        // Every stored entry of a change inside a consortium names that consortium.
        await using var db = server.OpenDatabase();
        var entries = await db.AuditEntries.Where(a => a.Changes.Contains(northernNote) || a.Changes.Contains(valleyNote)).ToListAsync();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(e.Changes.Contains(northernNote) ? Northern : UpperValley, e.ConsortiumId));
    }

    [DatabaseFact]
    public async Task An_api_key_is_seen_and_revoked_only_by_admins_of_its_consortia_and_node_tells_nobody_else_it_exists()
    {
        var funderId = GlobalId.Encode("Funder", 1);
        var created = await CreateKeyAsync(new { name = $"Northern report {Guid.NewGuid():N}", role = "FUNDER", funderId, consortiumIds = new[] { ConsortiumId(Northern) } },
            await server.TokenAsync());
        AssertOk(created);
        var id = created.GetProperty("apiKey").GetProperty("id").GetString()!;

        const string Node = "query($id: ID!) { node(id: $id) { __typename ... on ApiKey { name } } apiKeys { id } }";
        var northern = await server.QueryAsync(Node, new { id }, AdminOf(Northern));
        Assert.Equal("ApiKey", northern.GetProperty("node").GetProperty("__typename").GetString());
        Assert.Contains(northern.GetProperty("apiKeys").EnumerateArray(), k => k.GetProperty("id").GetString() == id);

        var valley = await server.QueryAsync(Node, new { id }, AdminOf(UpperValley));
        Assert.Equal(JsonValueKind.Null, valley.GetProperty("node").ValueKind);
        Assert.DoesNotContain(valley.GetProperty("apiKeys").EnumerateArray(), k => k.GetProperty("id").GetString() == id);
        AssertError((await server.QueryAsync($"mutation($input: RevokeApiKeyInput!) {{ revokeApiKey(input: $input) {{ apiKey {{ id }} {Errors} }} }}",
            new { input = new { id } }, AdminOf(UpperValley))).GetProperty("revokeApiKey"), "ValidationError", "NOT_FOUND", "input", "id");

        // Staff and funders do not even learn the type: node is null, as for an ID that names nothing.
        foreach (var user in new[] { "staff-5000310", "funder-1" })
        {
            var seen = await server.QueryAsync("query($id: ID!) { node(id: $id) { __typename } nodes(ids: [$id]) { __typename } }", new { id }, await server.TokenAsync(user));
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("node").ValueKind);
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("nodes")[0].ValueKind);
        }
        Assert.True(GlobalId.TryDecode(id, "ApiKey", out var keyId));
        await using var db = server.OpenDatabase();
        Assert.Null(await db.ApiKeys.Where(k => k.Id == keyId).Select(k => k.RevokedAt).SingleAsync());
    }

    [DatabaseFact]
    public async Task A_key_minted_by_an_admin_of_one_consortium_acts_only_there_even_for_a_district_in_both()
    {
        var valleyAdmin = AdminOf(UpperValley);
        // No wider than the admin's own: not another consortium, not a district outside the admin's consortia.
        AssertError(await CreateKeyAsync(new { name = "n", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" }, consortiumIds = new[] { ConsortiumId(Northern) } }, valleyAdmin),
            "ValidationError", "NOT_FOUND", "input", "consortiumIds");
        AssertError(await CreateKeyAsync(new { name = "n", role = "CONSORTIUM_ADMIN", consortiumIds = new[] { ConsortiumId(Northern) } }, valleyAdmin),
            "ValidationError", "NOT_FOUND", "input", "consortiumIds");
        AssertError(await CreateKeyAsync(new { name = "n", role = "DISTRICT_STAFF", districtCodes = new[] { "3300710" } }, valleyAdmin), // Granite Falls: Northern only
            "ValidationError", "NOT_FOUND", "input", "districtCodes");
        AssertError(await CreateKeyAsync(new { name = "n", role = "FUNDER", funderId = GlobalId.Encode("Funder", 1) }, valleyAdmin), // funds only Northern partnerships
            "ValidationError", "NOT_FOUND", "input", "funderId");

        var created = await CreateKeyAsync(new { name = $"Riverside sync {Guid.NewGuid():N}", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" } }, valleyAdmin);
        AssertOk(created);
        Assert.Equal([ConsortiumId(UpperValley)], created.GetProperty("apiKey").GetProperty("consortia").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var secret = created.GetProperty("apiKey").GetProperty("secret").GetString()!;

        var (status, body) = await WithApiKeyAsync(secret, "{ consortia { id } partnerships(first: 100) { totalCount nodes { decisions(first: 10) { nodes { votes { comment } } } } } commitments(first: 100) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, status);
        var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
        Assert.Equal([ConsortiumId(UpperValley)], data.GetProperty("consortia").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(1, data.GetProperty("partnerships").GetProperty("totalCount").GetInt32());
        await using (var db = server.OpenDatabase())
            Assert.Equal(await db.Commitments.CountAsync(c => c.Partnership.ConsortiumId == UpperValley), data.GetProperty("commitments").GetProperty("totalCount").GetInt32());

        // A vote for Riverside in a Northern decision: the decision is not there for this key.
        int decision, revision;
        await using (var db = server.OpenDatabase())
        {
            var open = await db.Decisions.Where(d => d.Partnership.ConsortiumId == Northern && d.Status == Decisions.DecisionStatus.Open
                    && d.Partnership.Members.Any(m => m.District.Code == "5000310"))
                .Select(d => new { d.Id, d.Revision }).FirstAsync();
            (decision, revision) = (open.Id, open.Revision);
        }
        var vote = $"mutation($input: CastVoteInput!) {{ castVote(input: $input) {{ decision {{ id }} {Errors} }} }}";
        var input = new { decisionId = GlobalId.Encode("Decision", decision), districtId = await server.DistrictIdAsync("5000310"), choice = "YES" };
        (status, body) = await WithApiKeyAsync(secret, vote, new { input });
        AssertError(JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("castVote"), "ValidationError", "NOT_FOUND", "input", "decisionId");
        (status, body) = await WithApiKeyAsync(secret, "query($id: ID!) { node(id: $id) { id } }", new { id = input.decisionId });
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("node").ValueKind);
        await using (var db = server.OpenDatabase())
            Assert.Equal(revision, await db.Decisions.Where(d => d.Id == decision).Select(d => d.Revision).SingleAsync());

        // A token that names consortia is scoped the same way (an identity provider's `consortium` claim).
        var scopedToken = server.TokenFor("district-staff", districts: ["5000310"], consortia: [ConsortiumId(UpperValley)]);
        Assert.Equal(1, (await server.QueryAsync("{ partnerships(first: 100) { totalCount } }", token: scopedToken)).GetProperty("partnerships").GetProperty("totalCount").GetInt32());
    }

    [DatabaseFact]
    public async Task A_key_names_only_districts_of_its_own_consortia()
    {
        // Granite Falls is a Northern district; a key over Upper Valley alone cannot act for it, even minted by an admin of both.
        AssertError(await CreateKeyAsync(new { name = $"n {Guid.NewGuid():N}", role = "DISTRICT_STAFF", districtCodes = new[] { "3300710" }, consortiumIds = new[] { ConsortiumId(UpperValley) } },
            await server.TokenAsync()), "ValidationError", "NOT_A_MEMBER", "input", "districtCodes");
        AssertError(await CreateKeyAsync(new { name = $"n {Guid.NewGuid():N}", role = "DISTRICT_STAFF", districtCodes = new[] { "3300710" }, consortiumIds = new[] { "not-an-id" } },
            await server.TokenAsync()), "ValidationError", "INVALID_ID", "input", "consortiumIds");
    }

    [DatabaseFact]
    public async Task An_admin_of_one_consortium_changes_nothing_of_the_other_through_a_district_in_both()
    {
        var valleyAdmin = AdminOf(UpperValley);
        var northern = await OpenCommitmentAsync(Northern, "5000310");
        Assert.True(GlobalId.TryDecode(northern, "Commitment", out var commitmentId));
        int progress;
        await using (var db = server.OpenDatabase()) progress = await db.ProgressUpdates.CountAsync(p => p.CommitmentId == commitmentId);
        AssertError((await server.QueryAsync($"mutation($input: ReportProgressInput!) {{ reportProgress(input: $input) {{ commitment {{ id }} {Errors} }} }}",
            new { input = new { commitmentId = northern, status = "AT_RISK" } }, valleyAdmin)).GetProperty("reportProgress"), "ValidationError", "NOT_FOUND", "input", "commitmentId");

        // ATTENDANCE_RATE is Northern's indicator; Riverside reports it there, but not through an Upper Valley credential.
        const string report = "mutation($input: ReportIndicatorValuesInput!) { reportIndicatorValues(input: $input) { errors { __typename code message path } } }";
        var input = new { districtId = await server.DistrictIdAsync("5000310"), period = "2025-26", values = new[] { new { indicator = "ATTENDANCE_RATE", value = 12.5, studentCount = 300 } } };
        int values;
        await using (var db = server.OpenDatabase()) values = await db.IndicatorValueRevisions.CountAsync();
        foreach (var token in new[] { valleyAdmin, server.TokenFor("district-staff", districts: ["5000310"], consortia: [ConsortiumId(UpperValley)]) })
            AssertError((await server.QueryAsync(report, new { input }, token)).GetProperty("reportIndicatorValues"), "ValidationError", "UNKNOWN_INDICATOR", "input", "values", "0", "indicator");
        await using (var db = server.OpenDatabase())
        {
            Assert.Equal(progress, await db.ProgressUpdates.CountAsync(p => p.CommitmentId == commitmentId));
            Assert.Equal(values, await db.IndicatorValueRevisions.CountAsync());
            Assert.False(await db.IndicatorValues.AnyAsync(v => v.Value == 12.5));
        }
    }

    [DatabaseFact]
    public async Task Keys_from_before_keys_carried_consortia_get_those_of_their_creator_at_start()
    {
        await using var db = server.OpenDatabase();
        var (_, prefix, hash) = Access.ApiKey.Generate();
        var (_, otherPrefix, otherHash) = Access.ApiKey.Generate();
        var tagged = new Access.ApiKey { Name = $"old {Guid.NewGuid():N}", Prefix = prefix, SecretHash = hash, Role = "district-staff", Scope = "5000310", CreatedBy = "[2] demo-admin" };
        var untagged = new Access.ApiKey { Name = $"old {Guid.NewGuid():N}", Prefix = otherPrefix, SecretHash = otherHash, Role = "funder", Scope = GlobalId.Encode("Funder", 1), CreatedBy = "someone" };
        db.ApiKeys.AddRange(tagged, untagged);
        await db.SaveChangesAsync();

        await Access.ApiKeyConsortium.BackfillAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, default);
        await using var check = server.OpenDatabase();
        Assert.Equal([UpperValley], await check.ApiKeyConsortia.Where(c => c.ApiKeyId == tagged.Id).Select(c => c.ConsortiumId).ToListAsync());
        Assert.Empty(await check.ApiKeyConsortia.Where(c => c.ApiKeyId == untagged.Id).ToListAsync()); // acts nowhere, with a warning, until replaced
    }

    [DatabaseFact]
    public async Task A_valid_api_key_with_a_forged_bearer_token_is_refused()
    {
        var created = await CreateKeyAsync(new { name = $"Valley sync {Guid.NewGuid():N}", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" } }, await server.TokenAsync());
        AssertOk(created);
        var secret = created.GetProperty("apiKey").GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await WithApiKeyAsync(secret, "{ consortia { id } }")).Status);
        var (status, body) = await WithApiKeyAsync(secret, "{ consortia { id } }", bearer: "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("UNAUTHENTICATED", body);
        // Two valid credentials are refused too: the request must say which one it acts as.
        (status, _) = await WithApiKeyAsync(secret, "{ consortia { id } }", bearer: await server.TokenAsync("staff-5000310"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [DatabaseFact]
    public async Task A_subscriber_of_one_consortium_hears_nothing_of_the_other_even_from_a_district_in_both()
    {
        var riverside = await server.TokenAsync("staff-5000310");
        var scopedKey = await CreateKeyAsync(new { name = $"Valley live {Guid.NewGuid():N}", role = "DISTRICT_STAFF", districtCodes = new[] { "5000310" } }, AdminOf(UpperValley));
        AssertOk(scopedKey);
        const string Subscription = "subscription { commitmentChanged { id partnership { consortium { id } } } }";
        await using var admin = await GraphQLWebSocketClient.ConnectAsync(server, AdminOf(UpperValley));
        var keyed = await GraphQLWebSocketClient.ConnectAsync(server, init: false);
        await using var _ = keyed;
        await keyed.SendAsync(new { type = "connection_init", payload = new Dictionary<string, string> { ["X-Api-Key"] = scopedKey.GetProperty("apiKey").GetProperty("secret").GetString()! } });
        Assert.Equal("connection_ack", (await keyed.ReceiveAsync())!.Value.GetProperty("type").GetString());
        foreach (var socket in new[] { admin, keyed })
            await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Subscription } });
        await Task.Delay(300);

        var northern = await OpenCommitmentAsync(Northern, "5000310");
        var valley = await OpenCommitmentAsync(UpperValley, "5000310");
        foreach (var commitment in new[] { northern, valley })
            AssertOk((await server.QueryAsync($"mutation($input: ReportProgressInput!) {{ reportProgress(input: $input) {{ commitment {{ id }} {Errors} }} }}",
                new { input = new { commitmentId = commitment, status = "AT_RISK" } }, riverside)).GetProperty("reportProgress"));

        // The first event each hears is the Upper Valley one: the Northern change was never sent to them.
        foreach (var socket in new[] { admin, keyed })
        {
            var heard = (await socket.ReceiveAsync())!.Value.GetProperty("payload").GetProperty("data").GetProperty("commitmentChanged");
            Assert.Equal(valley, heard.GetProperty("id").GetString());
            Assert.Equal(ConsortiumId(UpperValley), heard.GetProperty("partnership").GetProperty("consortium").GetProperty("id").GetString());
        }
    }

    [DatabaseFact]
    public async Task Csv_exports_answer_an_admin_of_one_consortium_only_about_its_own()
    {
        using var client = server.CreateClient();
        async Task<(HttpStatusCode, string)> Get(string path, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var rollup = $"/reports/rollup.csv?consortiumId={ConsortiumId(Northern)}&indicator=ATTENDANCE_RATE&groupBy=DISTRICT";
        Assert.Equal(HttpStatusCode.OK, (await Get(rollup, AdminOf(Northern))).Item1);
        var (status, body) = await Get(rollup, AdminOf(UpperValley));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("NOT_FOUND", body);
        (status, _) = await Get(rollup, server.TokenFor("district-staff", districts: ["5000310"], consortia: [ConsortiumId(UpperValley)]));
        Assert.Equal(HttpStatusCode.NotFound, status);

        // Tri-State funds only Northern partnerships: an Upper Valley admin's export of it has no row of them.
        var funding = $"/reports/funding.csv?funderId={GlobalId.Encode("Funder", 1)}";
        var (_, northernCsv) = await Get(funding, AdminOf(Northern));
        Assert.Contains("Proficiency-Based Learning Grant", northernCsv);
        var (_, valleyCsv) = await Get(funding, AdminOf(UpperValley));
        Assert.DoesNotContain("Proficiency-Based Learning Grant", valleyCsv);
        Assert.DoesNotContain("Summer Bridge Program", valleyCsv);
    }

    /// <summary>Each role's rows, as the access rules define them, counted straight from the database.</summary>
    private sealed record Scope(string Name, string Token, int[] Consortia, int[] Partnerships);

    private async Task<List<Scope>> ScopesAsync()
    {
        await using var db = server.OpenDatabase();
        async Task<int[]> PartnershipsOf(int[] consortia) => await db.Partnerships.Where(p => consortia.Contains(p.ConsortiumId)).Select(p => p.Id).ToArrayAsync();
        async Task<int[]> ConsortiaOf(string code) => await db.ConsortiumMemberships.Where(m => m.District.Code == code).Select(m => m.ConsortiumId).ToArrayAsync();
        var funded = await db.Grants.Where(g => g.FunderId == 1).Select(g => g.PartnershipId).Distinct().ToArrayAsync();
        var fundedConsortia = await db.Partnerships.Where(p => funded.Contains(p.Id)).Select(p => p.ConsortiumId).Distinct().ToArrayAsync();
        return
        [
            new("admin of Northern", AdminOf(Northern), [Northern], await PartnershipsOf([Northern])),
            new("admin of Upper Valley", AdminOf(UpperValley), [UpperValley], await PartnershipsOf([UpperValley])),
            new("Riverside staff (both)", await server.TokenAsync("staff-5000310"), await ConsortiaOf("5000310"), await PartnershipsOf(await ConsortiaOf("5000310"))),
            new("Granite Falls staff (Northern only)", server.TokenFor("district-staff", districts: ["3300710"]), await ConsortiaOf("3300710"), await PartnershipsOf(await ConsortiaOf("3300710"))),
            new("Riverside staff scoped to Upper Valley", server.TokenFor("district-staff", districts: ["5000310"], consortia: [ConsortiumId(UpperValley)]),
                [UpperValley], await PartnershipsOf([UpperValley])),
            new("funder-1", await server.TokenAsync("funder-1"), fundedConsortia, funded),
        ];
    }

    [DatabaseFact]
    public async Task Every_entity_shows_each_role_exactly_its_rows_through_lists_totals_and_node()
    {
        await using var db = server.OpenDatabase();
        var all = new Dictionary<string, (int Id, int Partnership)[]>
        {
            ["Commitment"] = [.. (await db.Commitments.Select(c => new { c.Id, c.PartnershipId }).ToListAsync()).Select(c => (c.Id, c.PartnershipId))],
            ["Decision"] = [.. (await db.Decisions.Select(c => new { c.Id, c.PartnershipId }).ToListAsync()).Select(c => (c.Id, c.PartnershipId))],
            ["Partnership"] = [.. (await db.Partnerships.Select(c => c.Id).ToListAsync()).Select(id => (id, id))],
            ["Grant"] = [.. (await db.Grants.Select(c => new { c.Id, c.PartnershipId }).ToListAsync()).Select(c => (c.Id, c.PartnershipId))],
        };
        foreach (var scope in await ScopesAsync())
        {
            var isFunder = scope.Name.StartsWith("funder", StringComparison.Ordinal);
            var data = await server.QueryAsync("""
                { consortia { id }
                  partnerships(first: 100) { totalCount nodes { id decisions(first: 100) { totalCount } commitments(first: 100) { totalCount } } }
                  commitments(first: 100) { totalCount nodes { id } }
                  districts(first: 100) { totalCount } }
                """, token: scope.Token);
            var message = $"as {scope.Name}";
            Assert.True(scope.Consortia.Select(ConsortiumId).Order().SequenceEqual(data.GetProperty("consortia").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order()), message + ": consortia");
            Assert.True(scope.Partnerships.Length == data.GetProperty("partnerships").GetProperty("totalCount").GetInt32(), message + ": partnerships");
            var expectedCommitments = all["Commitment"].Count(c => scope.Partnerships.Contains(c.Partnership));
            Assert.True(expectedCommitments == data.GetProperty("commitments").GetProperty("totalCount").GetInt32(), $"{message}: commitments, expected {expectedCommitments}, got {data.GetProperty("commitments").GetProperty("totalCount")}");
            Assert.True(expectedCommitments == data.GetProperty("commitments").GetProperty("nodes").GetArrayLength(), message + ": commitment nodes");
            var nested = data.GetProperty("partnerships").GetProperty("nodes").EnumerateArray().ToList();
            Assert.True(expectedCommitments == nested.Sum(p => p.GetProperty("commitments").GetProperty("totalCount").GetInt32()), message + ": nested commitments");
            Assert.True(all["Decision"].Count(c => scope.Partnerships.Contains(c.Partnership)) == nested.Sum(p => p.GetProperty("decisions").GetProperty("totalCount").GetInt32()), message + ": nested decisions");
            var districts = isFunder
                ? await db.Districts.CountAsync(d => d.PartnershipMemberships.Any(m => scope.Partnerships.Contains(m.PartnershipId)))
                // Members' districts, and a district outside them whose school is in one of the consortia's Leagues.
                : await db.Districts.CountAsync(d => d.ConsortiumMemberships.Any(m => scope.Consortia.Contains(m.ConsortiumId))
                    || db.LeagueMemberships.Any(m => m.DistrictId == d.Id && scope.Consortia.Contains(m.League.ConsortiumId)));
            Assert.True(districts == data.GetProperty("districts").GetProperty("totalCount").GetInt32(), message + ": districts");

            // node and nodes: every ID in scope resolves, every other one is null.
            foreach (var (type, rows) in all.Where(a => a.Key != "Grant" || !isFunder))
                foreach (var chunk in rows.Chunk(50))
                {
                    var ids = chunk.Select(r => GlobalId.Encode(type, r.Id)).ToArray();
                    var found = (await server.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids }, scope.Token)).GetProperty("nodes").EnumerateArray()
                        .Select((n, i) => (Id: ids[i], Visible: n.ValueKind != JsonValueKind.Null)).ToList();
                    foreach (var (row, (id, visible)) in chunk.Zip(found))
                        Assert.True(visible == scope.Partnerships.Contains(row.Partnership), $"{message}: node({type} {row.Id}) {(visible ? "visible" : "hidden")}");
                }
        }
    }
}

public sealed class SqliteTenantIsolationTests(SqliteServer server) : TenantIsolationTests<SqliteServer>(server);

public sealed class PostgreSqlTenantIsolationTests(PostgreSqlServer server) : TenantIsolationTests<PostgreSqlServer>(server), IPostgreSqlSuite;
