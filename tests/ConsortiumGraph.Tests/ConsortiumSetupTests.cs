using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// An installation from its first credential: the command line makes a platform admin's key on an empty
/// database; with it, a consortium is created and its admin appointed, who runs it from there.
/// </summary>
public sealed class ConsortiumSetupTests
{
    private static string Server => Path.Combine(AppContext.BaseDirectory, "ConsortiumGraph.Server.dll");

    [Fact]
    public async Task The_first_key_comes_from_the_command_line_and_sets_up_a_consortium_on_an_empty_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-empty-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var database = $"Data Source={Path.Combine(folder, "empty.db")}";
        string[] settings = ["--Database:SeedDemoData=false", $"--ConnectionStrings:Consortium={database}", "--Auth:SigningKey=consortiumgraph-setup-test-signing-key-0123456789"];
        try
        {
            var (output, error) = await BuiltServer.RunToEndAsync("dotnet", folder, [Server, "apikeys", "create", "--role", "platform-admin", "--name", "State agency operations", .. settings]);
            var key = output.TrimEnd().Split('\n')[^1];
            Assert.StartsWith("cgk_", key);
            Assert.Contains("shown once", error);
            using (var again = BuiltServer.Run("dotnet", folder, null, [Server, "apikeys", "create", "--role", "platform-admin", "--name", "State agency operations", .. settings]))
            {
                var refused = again.StandardError.ReadToEndAsync();
                Assert.Equal("", await again.StandardOutput.ReadToEndAsync()); // no key printed
                await again.WaitForExitAsync();
                Assert.Equal(1, again.ExitCode);
                Assert.Contains("already named State agency operations", await refused);
            }

            await using var server = await BuiltServer.StartAsync(null, [.. settings, "--Plugins:Path=" + Path.Combine(folder, "no-plugins")]);
            using var http = new HttpClient { BaseAddress = server.Address };
            async Task<JsonElement> Post(string query, object? variables, string? apiKey = null, string? bearer = null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json") };
                if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
                using var response = await http.SendAsync(request);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }

            var created = (await Post($"mutation($input: CreateConsortiumInput!) {{ createConsortium(input: $input) {{ consortium {{ id name revision }} {Errors} }} }}",
                new { input = new { name = "North Country Collaborative", sharedGoal = "Share what none of us can offer alone." } }, key)).GetProperty("data").GetProperty("createConsortium");
            AssertOk(created);
            var consortium = created.GetProperty("consortium").GetProperty("id").GetString();
            AssertError((await Post($"mutation($input: CreateConsortiumInput!) {{ createConsortium(input: $input) {{ {Errors} }} }}",
                new { input = new { name = "North Country Collaborative", sharedGoal = "Again." } }, key)).GetProperty("data").GetProperty("createConsortium"), "ValidationError", "DUPLICATE_NAME", "input", "name");

            // The directory: a district and its school, then the district joins the consortium.
            var district = (await Post($"mutation($input: CreateDistrictInput!) {{ createDistrict(input: $input) {{ district {{ id code }} {Errors} }} }}",
                new { input = new { code = "3301234", name = "Coos County School District", state = "nh", locale = "RURAL", enrollment = 820, latitude = 44.49, longitude = -71.17 } }, key))
                .GetProperty("data").GetProperty("createDistrict");
            AssertOk(district);
            var districtId = district.GetProperty("district").GetProperty("id").GetString();
            AssertError((await Post($"mutation($input: CreateDistrictInput!) {{ createDistrict(input: $input) {{ {Errors} }} }}",
                new { input = new { code = "3301234", name = "Again", state = "NH", locale = "RURAL", enrollment = 1 } }, key)).GetProperty("data").GetProperty("createDistrict"),
                "ValidationError", "DUPLICATE_CODE", "input", "code");
            AssertError((await Post($"mutation($input: CreateDistrictInput!) {{ createDistrict(input: $input) {{ {Errors} }} }}",
                new { input = new { code = "33 01", name = "Bad", state = "New Hampshire", locale = "RURAL", enrollment = -1, latitude = 91.0 } }, key)).GetProperty("data").GetProperty("createDistrict"),
                "ValidationError", "OUT_OF_RANGE", "input", "latitude");
            AssertOk((await Post($"mutation($input: CreateSchoolInput!) {{ createSchool(input: $input) {{ {Errors} }} }}",
                new { input = new { code = "330123400001", name = "Coos High School", districtId, enrollment = 310 } }, key)).GetProperty("data").GetProperty("createSchool"));
            AssertOk((await Post($"mutation($input: AddConsortiumMemberInput!) {{ addConsortiumMember(input: $input) {{ {Errors} }} }}",
                new { input = new { consortiumId = consortium, districtId } }, key)).GetProperty("data").GetProperty("addConsortiumMember"));
            var members = (await Post($"query($id: ID!) {{ node(id: $id) {{ ... on Consortium {{ districts(first: 5) {{ nodes {{ code state schools(first: 5) {{ nodes {{ name }} }} }} }} }} }} }}",
                new { id = consortium }, key)).GetProperty("data").GetProperty("node").GetProperty("districts").GetProperty("nodes");
            Assert.Equal("3301234", members[0].GetProperty("code").GetString());
            Assert.Equal("NH", members[0].GetProperty("state").GetString());
            Assert.Equal("Coos High School", members[0].GetProperty("schools").GetProperty("nodes")[0].GetProperty("name").GetString());

            // The platform admin appoints the consortium's admin; that admin cannot create consortia or platform keys.
            var appointed = (await Post($"mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{ apiKey {{ secret }} {Errors} }} }}",
                new { input = new { name = "North Country coordinator", role = "CONSORTIUM_ADMIN", consortiumIds = new[] { consortium } } }, key)).GetProperty("data").GetProperty("createApiKey");
            AssertOk(appointed);
            var coordinator = appointed.GetProperty("apiKey").GetProperty("secret").GetString()!;
            var renamed = (await Post($"mutation($input: UpdateConsortiumInput!) {{ updateConsortium(input: $input) {{ consortium {{ name revision }} {Errors} }} }}",
                new { input = new { id = consortium, name = "North Country Schools Collaborative", expectedRevision = 1 } }, coordinator)).GetProperty("data").GetProperty("updateConsortium");
            AssertOk(renamed); // revision 1: the member added above
            Assert.Equal(2, renamed.GetProperty("consortium").GetProperty("revision").GetInt32());
            var denied = await Post("mutation { createConsortium(input: { name: \"Mine\", sharedGoal: \"x\" }) { errors { code } } }", null, coordinator);
            Assert.Equal("NOT_AUTHORIZED", denied.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            AssertError((await Post($"mutation($input: CreateApiKeyInput!) {{ createApiKey(input: $input) {{ {Errors} }} }}",
                new { input = new { name = "Escalation", role = "PLATFORM_ADMIN" } }, coordinator)).GetProperty("data").GetProperty("createApiKey"), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "role");

            // The command line's key is in the trail, as createApiKey's are; the coordinator does not see it (it is in no consortium's trail).
            var trail = (await Post("{ auditLog(first: 20) { nodes { operation entityType subject } } }", null, key)).GetProperty("data").GetProperty("auditLog").GetProperty("nodes");
            Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("operation").GetString() == "apikeys create (command line)" && e.GetProperty("entityType").GetString() == "ApiKey");
            var theirs = (await Post("{ auditLog(first: 20) { nodes { operation } } }", null, coordinator)).GetProperty("data").GetProperty("auditLog").GetProperty("nodes");
            Assert.DoesNotContain(theirs.EnumerateArray(), e => e.GetProperty("operation").GetString() == "apikeys create (command line)");
            Assert.Contains(theirs.EnumerateArray(), e => e.GetProperty("operation").GetString() == "updateConsortium");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Members_are_added_by_the_consortiums_admins_and_fifty_at_once_add_one()
    {
        await using var host = new PluginTestHost();
        var platform = await host.TokenAsync("platform-admin");
        var created = (await host.QueryAsync($"mutation {{ createConsortium(input: {{ name: \"Lakes Region Alliance\", sharedGoal: \"Shared transportation.\" }}) {{ consortium {{ id }} {Errors} }} }}",
            token: platform)).GetProperty("createConsortium");
        AssertOk(created);
        var lakes = created.GetProperty("consortium").GetProperty("id").GetString();
        var graniteFalls = await host.DistrictIdAsync("3300710");
        async Task<JsonElement> Add(string token, string consortium, string? joinedOn = null) => (await host.QueryAsync(
            $"mutation($input: AddConsortiumMemberInput!) {{ addConsortiumMember(input: $input) {{ consortium {{ districts(first: 10) {{ nodes {{ code }} }} }} {Errors} }} }}",
            new { input = new { consortiumId = consortium, districtId = graniteFalls, joinedOn } }, token)).GetProperty("addConsortiumMember");

        // Northern's admin administers Northern, not the new consortium, which to them does not exist.
        var northernAdmin = host.TokenFor("consortium-admin", consortia: [GlobalId.Encode("Consortium", 1)]);
        AssertError(await Add(northernAdmin, lakes!), "ValidationError", "NOT_FOUND", "input", "consortiumId");
        AssertError(await Add(platform, lakes!, "2030-01-01"), "ValidationError", "OUT_OF_RANGE", "input", "joinedOn");
        AssertError(await Add(northernAdmin, GlobalId.Encode("Consortium", 1)), "RuleViolation", "ALREADY_MEMBER", "input", "districtId");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Add(platform, lakes!))));
        Assert.Single(results, r => r.GetProperty("errors").GetArrayLength() == 0);
        Assert.All(results.Where(r => r.GetProperty("errors").GetArrayLength() > 0),
            r => Assert.Contains(r.GetProperty("errors")[0].GetProperty("code").GetString(), new[] { "ALREADY_MEMBER", "CONFLICT" }));
        await using var db = host.OpenDatabase();
        Assert.Equal(1, await db.ConsortiumMemberships.CountAsync(m => m.Consortium.Name == "Lakes Region Alliance"));
        // Granite Falls' staff now read the new consortium too.
        var staff = host.TokenFor("district-staff", districts: ["3300710"]);
        var seen = (await host.QueryAsync("{ consortia { name } }", token: staff)).GetProperty("consortia").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Contains("Lakes Region Alliance", seen);
    }

    [Fact]
    public async Task Fifty_platform_admins_creating_one_district_code_at_once_make_one_district()
    {
        await using var host = new PluginTestHost();
        var platform = await host.TokenAsync("platform-admin");
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () => (await host.QueryAsync(
            $"mutation($input: CreateDistrictInput!) {{ createDistrict(input: $input) {{ {Errors} }} }}",
            new { input = new { code = "2399999", name = $"Downeast Regional {i}", state = "ME", locale = "RURAL", enrollment = 400 } }, platform)).GetProperty("createDistrict"))));
        Assert.Single(results, r => r.GetProperty("errors").GetArrayLength() == 0);
        Assert.All(results.Where(r => r.GetProperty("errors").GetArrayLength() > 0),
            r => Assert.Contains(r.GetProperty("errors")[0].GetProperty("code").GetString(), new[] { "DUPLICATE_CODE", "CONFLICT" }));
        await using var db = host.OpenDatabase();
        Assert.Equal(1, await db.Districts.CountAsync(d => d.Code == "2399999"));
    }

    [Fact]
    public async Task Directory_changes_are_checked_and_a_stale_revision_changes_nothing()
    {
        await using var host = new PluginTestHost();
        var platform = await host.TokenAsync("platform-admin");
        async Task<JsonElement> Mutate(string mutation, string inputType, object input) => (await host.QueryAsync(
            $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {Errors} }} }}", new { input }, platform)).GetProperty(mutation);
        var riverside = await host.DistrictIdAsync("5000310");
        string school;
        await using (var db = host.OpenDatabase())
            school = GlobalId.Encode("School", await db.Schools.Where(x => x.District.Code == "5000310").Select(x => x.Id).FirstAsync());

        AssertError(await Mutate("updateDistrict", "UpdateDistrictInput", new { id = riverside, enrollment = -1 }), "ValidationError", "OUT_OF_RANGE", "input", "enrollment");
        AssertError(await Mutate("updateDistrict", "UpdateDistrictInput", new { id = riverside, longitude = 181.0 }), "ValidationError", "OUT_OF_RANGE", "input", "longitude");
        AssertError(await Mutate("updateDistrict", "UpdateDistrictInput", new { id = school, name = "x" }), "ValidationError", "INVALID_ID", "input", "id");
        AssertError(await Mutate("createSchool", "CreateSchoolInput", new { code = "bad code", name = "x", districtId = riverside, enrollment = 1 }), "ValidationError", "INVALID_CODE", "input", "code");
        AssertError(await Mutate("createSchool", "CreateSchoolInput", new { code = "NEW-1", name = "x", districtId = GlobalId.Encode("District", 999_999), enrollment = 1 }),
            "ValidationError", "NOT_FOUND", "input", "districtId");
        AssertError(await Mutate("createSchool", "CreateSchoolInput", new { code = "NEW-1", name = "x", districtId = riverside, enrollment = 100_001 }), "ValidationError", "OUT_OF_RANGE", "input", "enrollment");
        string existing;
        await using (var db = host.OpenDatabase()) existing = await db.Schools.Select(x => x.Code).FirstAsync();
        AssertError(await Mutate("createSchool", "CreateSchoolInput", new { code = existing, name = "x", districtId = riverside, enrollment = 1 }), "ValidationError", "DUPLICATE_CODE", "input", "code");
        AssertError(await Mutate("createApiKey", "CreateApiKeyInput", new { name = "Second operator", role = "PLATFORM_ADMIN", consortiumIds = new[] { GlobalId.Encode("Consortium", 1) } }),
            "ValidationError", "OUT_OF_RANGE", "input", "consortiumIds");
        AssertError(await Mutate("approvePlugin", "ApprovePluginInput", new { key = " ", sha256 = new string('a', 64) }), "ValidationError", "INVALID_KEY", "input", "key");

        // A change made from a revision that is no longer current changes nothing.
        AssertOk(await Mutate("updateSchool", "UpdateSchoolInput", new { id = school, enrollment = 333, expectedRevision = 0 }));
        AssertError(await Mutate("updateSchool", "UpdateSchoolInput", new { id = school, enrollment = 444, expectedRevision = 0 }), "ConflictError", "CONFLICT");
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => Mutate("updateDistrict", "UpdateDistrictInput", new { id = riverside, enrollment = 1000 + i, expectedRevision = 0 }))));
        Assert.Single(results, r => r.GetProperty("errors").GetArrayLength() == 0);
        Assert.All(results.Where(r => r.GetProperty("errors").GetArrayLength() > 0), r => Assert.Equal("CONFLICT", r.GetProperty("errors")[0].GetProperty("code").GetString()));
        GlobalId.TryDecode(school, "School", out var schoolKey);
        await using (var db = host.OpenDatabase())
            Assert.Equal(333, await db.Schools.Where(x => x.Id == schoolKey).Select(x => x.Enrollment).SingleAsync());
    }

    [Fact]
    public async Task Fifty_admins_renaming_one_consortium_from_the_same_revision_make_one_change()
    {
        await using var host = new PluginTestHost();
        var admin = host.TokenFor("consortium-admin", consortia: [GlobalId.Encode("Consortium", 2)]);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () => (await host.QueryAsync(
            $"mutation($input: UpdateConsortiumInput!) {{ updateConsortium(input: $input) {{ consortium {{ name }} {Errors} }} }}",
            new { input = new { id = GlobalId.Encode("Consortium", 2), sharedGoal = $"Goal {i}", expectedRevision = 0 } }, admin)).GetProperty("updateConsortium"))));
        Assert.Single(results, r => r.GetProperty("errors").GetArrayLength() == 0);
        Assert.All(results.Where(r => r.GetProperty("errors").GetArrayLength() > 0), r => Assert.Equal("CONFLICT", r.GetProperty("errors")[0].GetProperty("code").GetString()));
        AssertError((await host.QueryAsync($"mutation {{ updateConsortium(input: {{ id: \"{GlobalId.Encode("Consortium", 1)}\", name: \"Mine now\" }}) {{ {Errors} }} }}", token: admin))
            .GetProperty("updateConsortium"), "ValidationError", "NOT_FOUND", "input", "id");
    }
}
