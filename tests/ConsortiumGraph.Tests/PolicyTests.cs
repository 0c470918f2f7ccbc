using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The consortium's state policy work, on SQLite and PostgreSQL: its admins track items in their members' states and
/// keep them current; staff read them; funders, school leaders and other consortia's admins do not; fifty updates
/// sent against one revision leave one.
/// </summary>
public abstract class PolicyTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1), UpperValley = GlobalId.Encode("Consortium", 2);
    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string token) =>
        (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ policyItem {{ id revision position status partnerships {{ name }} }} {Errors} }} }}", new { input }, token))
        .GetProperty(field);

    [DatabaseFact]
    public async Task Admins_track_state_policy_with_its_advocacy_and_keep_it_current()
    {
        var advocacy = await server.PartnershipIdAsync("Rural Broadband for Students");
        var bus = await server.PartnershipIdAsync("Regional Bus and Fuel Purchasing");
        object Track(string state, string title, params string[] partnershipIds) => new
        {
            consortiumId = Northern, state, title, kind = "STATUTE", position = "SEEK_CHANGE", summary = "Seat-time rules block credit for internships.",
            evidence = "League schools' extended-learning placements.", partnershipIds,
        };
        AssertError(await Mutate("trackPolicy", "TrackPolicyInput", Track("CA", "Seat time"), Admin), "RuleViolation", "NOT_A_MEMBER_STATE", "input", "state");
        AssertError(await Mutate("trackPolicy", "TrackPolicyInput", Track("V1", "Seat time"), Admin), "ValidationError", "INVALID_CODE", "input", "state");
        AssertError(await Mutate("trackPolicy", "TrackPolicyInput", Track("vt", "Proficiency-based graduation requirements"), Admin), "RuleViolation", "DUPLICATE_NAME", "input", "title");
        AssertError(await Mutate("trackPolicy", "TrackPolicyInput", Track("VT", "Seat time", bus), Admin), "RuleViolation", "NOT_ADVOCACY", "input", "partnershipIds", "0");
        var tracked = await Mutate("trackPolicy", "TrackPolicyInput", Track("vt", "Seat time", advocacy, advocacy), Admin);
        AssertOk(tracked);
        var item = tracked.GetProperty("policyItem");
        Assert.Equal(("SEEK_CHANGE", "WATCHING", 1), (item.GetProperty("position").GetString(), item.GetProperty("status").GetString(), item.GetProperty("partnerships").GetArrayLength()));
        var id = item.GetProperty("id").GetString()!;
        var revision = item.GetProperty("revision").GetInt32();

        AssertError(await Mutate("updatePolicy", "UpdatePolicyInput", new { id }, Admin), "ValidationError", "UNCHANGED", "input", "id");
        // Another consortium's admin finds nothing.
        AssertError(await Mutate("updatePolicy", "UpdatePolicyInput", new { id, status = "CLOSED" }, server.TokenFor("consortium-admin", consortia: [UpperValley])), "ValidationError", "NOT_FOUND", "input", "id");

        // Fifty admins tracking one new item at once (the state's code in either case): one item.
        var tracking = await Race.RunAsync(50, i => Mutate("trackPolicy", "TrackPolicyInput", Track(i % 2 == 0 ? "NH" : "nh", "Extended learning opportunities credit", advocacy), Admin));
        Assert.Equal(1, tracking.Count(o => o == "OK"));
        Assert.All(tracking.Where(o => o != "OK"), o => Assert.Equal("DUPLICATE_NAME", o));
        await using (var db = server.OpenDatabase())
            Assert.Equal(1, await db.PolicyItems.CountAsync(p => p.State == "NH" && p.Title == "Extended learning opportunities credit"));

        // Fifty admins sending the status they read: one change lands, the rest are told it moved.
        var outcomes = await Race.RunAsync(50, i => Mutate("updatePolicy", "UpdatePolicyInput",
            new { id, status = "ADVOCATING", evidence = $"Evidence {i}.", partnershipIds = Array.Empty<string>(), expectedRevision = revision }, Admin), retryConflicts: false);
        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Equal("CONFLICT", o));
        var stored = (await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on PolicyItem { status revision evidence partnerships { name } } } }", new { id }, Admin)).GetProperty("node");
        Assert.Equal(("ADVOCATING", revision + 1, 0), (stored.GetProperty("status").GetString(), stored.GetProperty("revision").GetInt32(), stored.GetProperty("partnerships").GetArrayLength()));

        // Staff of a member district read the consortium's policy work; funders and school leaders are refused it.
        var policies = (await server.QueryAsync("{ consortia { name policies { state title kind position status partnerships { name } } } }", token: server.TokenFor("district-staff", districts: ["5000310"])))
            .GetProperty("consortia").EnumerateArray().SelectMany(c => c.GetProperty("policies").EnumerateArray()).ToList();
        Assert.Equal(["ME", "NH", "VT"], policies.Select(p => p.GetProperty("state").GetString()).Distinct().Order());
        foreach (var token in new[] { await server.TokenAsync("funder-1"), server.TokenForSchoolLeader("500031000003"), PluginTestHost.Anonymous })
        {
            var (_, body) = await server.SendAsync("{ consortia { policies { title } } }", token: token);
            Assert.Contains("NOT_AUTHORIZED", body);
        }
    }
}

public sealed class SqlitePolicyTests(SqliteServer server) : PolicyTests<SqliteServer>(server);

public sealed class PostgreSqlPolicyTests(PostgreSqlServer server) : PolicyTests<PostgreSqlServer>(server), IPostgreSqlSuite;
