using System.Text;
using System.Text.Json;
using ConsortiumGraph.Tests.Infrastructure;
using Npgsql;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// A state agency's first day, through the public surface only: the built server on an empty database
/// (no demo data), its first key from the command line, the federal directory from the CCD files, then a
/// consortium, its members and its admin, and one partnership's whole life: proposed, signed, active,
/// committed to, decided in, amended and signed again, left by a member, completed. On SQLite and PostgreSQL.
/// </summary>
public abstract class DayOneTests(bool postgres)
{
    private static string Server => Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll");

    [DatabaseFact]
    public async Task An_empty_installation_reaches_a_running_consortium_through_the_api_alone()
    {
        var folder = Directory.CreateTempSubdirectory("consortiumgraph-day-one-").FullName;
        var database = $"consortiumgraph_dayone_{Guid.NewGuid():N}";
        string[] connection = postgres
            ? ["--Database:Provider=PostgreSql", $"--ConnectionStrings:Consortium={new NpgsqlConnectionStringBuilder(PostgreSqlServer.ServerConnectionString) { Database = database }}"]
            : [$"--ConnectionStrings:Consortium=Data Source={Path.Combine(folder, "day-one.db")}"];
        string[] settings = ["--Database:SeedDemoData=false", "--Auth:SigningKey=consortiumgraph-day-one-signing-key-0123456789", .. connection];
        try
        {
            // The operator's two commands: the first key, and the directory.
            var (keyOutput, _) = await BuiltServer.RunToEndAsync("dotnet", folder, [Server, "apikeys", "create", "--role", "platform-admin", "--name", "State agency", .. settings]);
            var platform = keyOutput.TrimEnd().Split('\n')[^1];
            var (imported, _) = await BuiltServer.RunToEndAsync("dotnet", folder, [Server, "import", "ccd",
                "--lea", DirectoryImportTests.Extract("ccd_lea_029_extract.csv"), "--schools", DirectoryImportTests.Extract("ccd_sch_029_extract.csv"),
                "--membership", DirectoryImportTests.Extract("ccd_sch_052_extract.csv"), "--geocodes", DirectoryImportTests.Extract("EDGE_GEOCODE_PUBLICLEA_extract.csv"), .. settings]);
            Assert.Contains("districts: 6 created, 0 updated, 0 unchanged, 2 rejected", imported);
            Assert.Contains("schools: 8 created, 0 updated, 0 unchanged, 1 rejected", imported);
            Assert.Contains("rejected lea line 8 (2399990)", imported);

            await using var server = await BuiltServer.StartAsync(null, [.. settings, "--Plugins:Path=" + Path.Combine(folder, "no-plugins")]);
            using var http = new HttpClient { BaseAddress = server.Address };
            async Task<JsonElement> Call(string field, string inputType, object input, string selection, string key)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { query = $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", variables = new { input } }), Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-Api-Key", key);
                using var response = await http.SendAsync(request);
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                Assert.True(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, body.ToString());
                var payload = data.GetProperty(field);
                AssertOk(payload);
                return payload;
            }
            async Task<JsonElement> Read(string query, string key)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Api-Key", key);
                using var response = await http.SendAsync(request);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").Clone();
            }

            // The directory is in; the importDirectory mutation reads the same files as the command did (a dry run: nothing changes).
            var (_, dry) = await ImportWithKey(http, platform);
            Assert.Equal(6, dry.GetProperty("data").GetProperty("importDirectory").GetProperty("import").GetProperty("districts").GetProperty("unchanged").GetInt32());
            var ids = (await Read("""{ districts(first: 10) { nodes { id code } } }""", platform)).GetProperty("districts").GetProperty("nodes").EnumerateArray()
                .ToDictionary(d => d.GetProperty("code").GetString()!, d => d.GetProperty("id").GetString()!);
            Assert.Equal(6, ids.Count);

            // The consortium, its members, its admin, and a district's staff key.
            var consortium = (await Call("createConsortium", "CreateConsortiumInput", new { name = "North Country Collaborative", sharedGoal = "Share what none of us can offer alone." },
                "consortium { id }", platform)).GetProperty("consortium").GetProperty("id").GetString()!;
            foreach (var code in new[] { "3300710", "3300820", "5000310" })
                await Call("addConsortiumMember", "AddConsortiumMemberInput", new { consortiumId = consortium, districtId = ids[code] }, "consortium { id }", platform);
            var coordinator = (await Call("createApiKey", "CreateApiKeyInput", new { name = "Coordinator", role = "CONSORTIUM_ADMIN", consortiumIds = new[] { consortium } },
                "apiKey { secret }", platform)).GetProperty("apiKey").GetProperty("secret").GetString()!;
            var whiteBirch = (await Call("createApiKey", "CreateApiKeyInput", new { name = "White Birch office", role = "DISTRICT_STAFF", districtCodes = new[] { "3300820" }, consortiumIds = new[] { consortium } },
                "apiKey { secret }", coordinator)).GetProperty("apiKey").GetProperty("secret").GetString()!;

            // One partnership's life. The lead is also the fiscal agent.
            var partnership = (await Call("createPartnership", "CreatePartnershipInput", new
            {
                consortiumId = consortium, name = "Shared Speech-Language Services", kind = "SHARED_STAFF", leadDistrictId = ids["3300710"], fiscalAgentId = ids["3300710"],
                memberDistrictIds = new[] { ids["3300710"], ids["3300820"], ids["5000310"] },
                decisionRights = new[] { new { area = "budget", rule = "MAJORITY" }, new { area = "governance", rule = "UNANIMOUS" } },
                agreementTitle = "Memorandum of Understanding", agreementTerms = "Granite Falls employs the pathologist; members share the cost by caseload.", agreementExpiresOn = "2028-06-30",
            }, "partnership { id status members { roles district { code } } agreement { id } }", coordinator)).GetProperty("partnership");
            var id = partnership.GetProperty("id").GetString()!;
            Assert.Equal("PROPOSED", partnership.GetProperty("status").GetString());
            Assert.Equal(["LEAD", "FISCAL_AGENT", "MEMBER"], partnership.GetProperty("members")[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            async Task SignAll(string agreement)
            {
                await Call("signAgreement", "SignAgreementInput", new { agreementId = agreement, districtId = ids["3300820"], signedBy = "Superintendent, White Birch" }, "agreement { id }", whiteBirch);
                foreach (var code in new[] { "3300710", "5000310" })
                    await Call("signAgreement", "SignAgreementInput", new { agreementId = agreement, districtId = ids[code], signedBy = "Superintendent" }, "agreement { id }", coordinator);
            }
            await SignAll(partnership.GetProperty("agreement").GetProperty("id").GetString()!);
            Assert.Equal("ACTIVE", (await Read($$"""{ node(id: "{{id}}") { ... on Partnership { status } } }""", coordinator)).GetProperty("node").GetProperty("status").GetString());

            var commitment = (await Call("createCommitment", "CreateCommitmentInput", new { partnershipId = id, districtId = ids["3300820"], title = "Fund 0.4 FTE of the pathologist", dollars = 31250.00, staffFte = 0.4 },
                "commitment { id }", whiteBirch)).GetProperty("commitment").GetProperty("id").GetString()!;
            var decision = (await Call("proposeDecision", "ProposeDecisionInput", new { partnershipId = id, area = "budget", title = "Adopt the cost split", deadline = DateTime.UtcNow.AddDays(14).ToString("O") },
                "decision { id }", whiteBirch)).GetProperty("decision").GetProperty("id").GetString()!;
            await Call("castVote", "CastVoteInput", new { decisionId = decision, districtId = ids["3300820"], choice = "YES" }, "decision { status }", whiteBirch);
            var adopted = await Call("castVote", "CastVoteInput", new { decisionId = decision, districtId = ids["3300710"], choice = "YES" }, "decision { status }", coordinator);
            Assert.Equal("ADOPTED", adopted.GetProperty("decision").GetProperty("status").GetString());

            var amendment = (await Call("amendAgreement", "AmendAgreementInput", new { partnershipId = id, terms = "Granite Falls employs the pathologist; members share the cost by caseload, reviewed each semester.", changeSummary = "A semester review of the split." },
                "agreement { id version status }", coordinator)).GetProperty("agreement");
            Assert.Equal((2, "PENDING"), (amendment.GetProperty("version").GetInt32(), amendment.GetProperty("status").GetString()));
            await SignAll(amendment.GetProperty("id").GetString()!);
            Assert.Equal(2, (await Read($$"""{ node(id: "{{id}}") { ... on Partnership { agreementInForce { version } } } }""", coordinator)).GetProperty("node").GetProperty("agreementInForce").GetProperty("version").GetInt32());

            await Call("leavePartnership", "LeavePartnershipInput", new { partnershipId = id, districtId = ids["5000310"] }, "partnership { id }", coordinator);
            await Call("reportProgress", "ReportProgressInput", new { commitmentId = commitment, status = "DONE", percentComplete = 100, note = "Year one delivered." }, "commitment { status }", whiteBirch);
            var completed = await Call("completePartnership", "ClosePartnershipInput", new { partnershipId = id, reason = "The first year was delivered as agreed." }, "partnership { status closedOn members { leftOn district { code } } }", coordinator);
            Assert.Equal("COMPLETED", completed.GetProperty("partnership").GetProperty("status").GetString());
            Assert.Single(completed.GetProperty("partnership").GetProperty("members").EnumerateArray(), m => m.GetProperty("leftOn").ValueKind == JsonValueKind.String);

            // Every step is in the consortium's trail, under the callers who took it.
            var trail = (await Read("{ auditLog(first: 100) { totalCount nodes { operation } } }", coordinator)).GetProperty("auditLog");
            foreach (var step in new[] { "createPartnership", "signAgreement", "createCommitment", "castVote", "amendAgreement", "leavePartnership", "completePartnership" })
                Assert.Contains(trail.GetProperty("nodes").EnumerateArray(), e => e.GetProperty("operation").GetString() == step);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (postgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(PostgreSqlServer.ServerConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<(System.Net.HttpStatusCode, JsonElement)> ImportWithKey(HttpClient http, string key)
    {
        http.DefaultRequestHeaders.Remove("X-Api-Key");
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        try
        {
            return await DirectoryImportTests.ImportAsync(http, null, DirectoryImportTests.AllFiles.Select(f => (f.Field, File.ReadAllBytes(DirectoryImportTests.Extract(f.File)), f.File)), dryRun: true);
        }
        finally
        {
            http.DefaultRequestHeaders.Remove("X-Api-Key");
        }
    }
}

public sealed class SqliteDayOneTests() : DayOneTests(postgres: false);

public sealed class PostgreSqlDayOneTests() : DayOneTests(postgres: true), IPostgreSqlSuite;
