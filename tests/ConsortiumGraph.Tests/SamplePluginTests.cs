using System.Text.Json;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.LocalFields;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The sample plugins as the server loads them (built folders): their namespaces in the schema, their
/// scope, batched computed fields, and each rule blocking what it should and letting the rest through.
/// </summary>
public abstract class SamplePluginTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private const string Riverside = "5000310", MapleRidge = "5000420", GraniteFalls = "3300710";

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection, bool dryRun = false) =>
        (await server.QueryAsync($"mutation($input: {inputType}!, $dryRun: Boolean!) {{ {field}(input: $input, dryRun: $dryRun) {{ {selection} {Errors} }} }}",
            new { input, dryRun })).GetProperty(field);

    private Task<JsonElement> Commit(string partnership, string district, object? local = null, decimal? dollars = null, double? staffFte = null,
        string? dueOn = null, bool dryRun = false) =>
        Task.WhenAll(server.PartnershipIdAsync(partnership), server.DistrictIdAsync(district)).ContinueWith(ids => Mutate("createCommitment", "CreateCommitmentInput", new
        {
            partnershipId = ids.Result[0], districtId = ids.Result[1], title = $"Test commitment {Guid.NewGuid():N}", dollars, staffFte, dueOn, local,
        }, "commitment { id local { riverside { boardApprovalDate boardMinuteRef } mapleRidge { bargainingUnit } } }", dryRun)).Unwrap();

    private async Task<int> Commitments()
    {
        await using var db = server.OpenDatabase();
        return await db.Commitments.CountAsync();
    }

    [DatabaseFact]
    public async Task Both_plugins_load_and_add_their_namespaces()
    {
        var data = await server.QueryAsync("{ plugins { key version loaded reason sdkVersion fieldCount ruleCount } "
            + "localFieldDefinitions { plugin onType name type writable required allowedValues } }");
        var plugins = data.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!);
        Assert.Equal(["mapleRidge", "riverside"], plugins.Keys.Order());
        Assert.All(plugins.Values, p => Assert.True(p.GetProperty("loaded").GetBoolean(), p.ToString()));
        Assert.Equal(Plugins.PluginSdk.Version.ToString(3), plugins["riverside"].GetProperty("sdkVersion").GetString());
        Assert.Equal(7, plugins["riverside"].GetProperty("fieldCount").GetInt32());
        Assert.Equal(5, plugins["mapleRidge"].GetProperty("ruleCount").GetInt32());

        var definitions = data.GetProperty("localFieldDefinitions").EnumerateArray()
            .Select(d => $"{d.GetProperty("plugin").GetString()} {d.GetProperty("onType").GetString()}.{d.GetProperty("name").GetString()}: {d.GetProperty("type").GetString()}"
                + (d.GetProperty("writable").GetBoolean() ? "" : " (computed)")).ToList();
        Assert.Contains("riverside Commitment.boardApprovalDate: Date", definitions);
        Assert.Contains("riverside School.localProgramCodes: [String!]", definitions);
        Assert.Contains("riverside Partnership.transportationMinutes: Int (computed)", definitions);
        Assert.Contains("mapleRidge Commitment.bargainingUnit: MapleRidgeBargainingUnit", definitions);
        Assert.Contains("mapleRidge District.attendanceRate: Decimal (computed)", definitions);
        var unit = data.GetProperty("localFieldDefinitions").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "bargainingUnit");
        Assert.Equal(["TEACHERS", "PARAEDUCATORS", "ADMINISTRATORS", "SUPPORT_STAFF"], unit.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [DatabaseFact]
    public async Task A_plugins_object_is_null_outside_its_districts_scope()
    {
        var data = await server.QueryAsync("""
            { districts(first: 100) { nodes { code local { riverside { nextBoardMeeting } mapleRidge { attendanceRate } }
                schools(first: 20) { nodes { local { riverside { localProgramCodes } } } }
                partnerships(first: 20) { nodes { name local { riverside { transportationMinutes } } } }
                commitments(first: 100) { nodes { local { riverside { boardApprovalDate } mapleRidge { bargainingUnit } } } } } } }
            """);
        foreach (var district in data.GetProperty("districts").GetProperty("nodes").EnumerateArray())
        {
            var code = district.GetProperty("code").GetString();
            var local = district.GetProperty("local");
            Assert.Equal(code == Riverside, local.GetProperty("riverside").ValueKind == JsonValueKind.Object);
            Assert.Equal(code == MapleRidge, local.GetProperty("mapleRidge").ValueKind == JsonValueKind.Object);
            Assert.All(district.GetProperty("schools").GetProperty("nodes").EnumerateArray(),
                s => Assert.Equal(code == Riverside, s.GetProperty("local").GetProperty("riverside").ValueKind == JsonValueKind.Object));
            Assert.All(district.GetProperty("commitments").GetProperty("nodes").EnumerateArray(), c =>
            {
                Assert.Equal(code == Riverside, c.GetProperty("local").GetProperty("riverside").ValueKind == JsonValueKind.Object);
                Assert.Equal(code == MapleRidge, c.GetProperty("local").GetProperty("mapleRidge").ValueKind == JsonValueKind.Object);
            });
            // A district's partnerships are those it is a member of: Riverside's object is there exactly when Riverside is.
            if (code == Riverside)
                Assert.All(district.GetProperty("partnerships").GetProperty("nodes").EnumerateArray(),
                    p => Assert.Equal(JsonValueKind.Object, p.GetProperty("local").GetProperty("riverside").ValueKind));
        }
        var all = await server.QueryAsync("{ partnerships(first: 100) { nodes { name members { district { code } } local { riverside { transportationMinutes } } } } }");
        foreach (var p in all.GetProperty("partnerships").GetProperty("nodes").EnumerateArray())
        {
            var member = p.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("district").GetProperty("code").GetString() == Riverside);
            Assert.Equal(member, p.GetProperty("local").GetProperty("riverside").ValueKind == JsonValueKind.Object);
        }
    }

    [DatabaseFact]
    public async Task A_districts_computed_field_is_made_from_the_row_already_read_and_costs_no_statement_of_its_own()
    {
        var staff = await server.TokenAsync("staff-5000420");
        async Task<(long Statements, JsonElement Local)> Run(string fields)
        {
            var before = server.Statements;
            var data = await server.QueryAsync($"{{ district(code: \"5000420\") {{ name local {{ mapleRidge {{ {fields} }} }} }} }}", token: staff);
            return (server.Statements - before, data.GetProperty("district").GetProperty("local").GetProperty("mapleRidge"));
        }
        var (stored, _) = await Run("sisAverageDailyAttendance sisAverageDailyMembership");
        var (computed, local) = await Run("sisAverageDailyAttendance sisAverageDailyMembership attendanceRate");
        Assert.Equal(stored, computed);
        Assert.Equal(JsonValueKind.Number, local.GetProperty("attendanceRate").ValueKind);
    }

    [DatabaseFact]
    public async Task Computed_fields_resolve_for_a_whole_list_in_statements_that_do_not_grow_with_it()
    {
        const string query = "query($n: Int!) { partnerships(first: $n) { nodes { name local { riverside { transportationMinutes } } } } }";
        var before = server.Statements;
        var few = await server.QueryAsync(query, new { n = 2 });
        var fewStatements = server.Statements - before;
        before = server.Statements;
        var all = await server.QueryAsync(query, new { n = 100 });
        var allStatements = server.Statements - before;
        Assert.Equal(fewStatements, allStatements);

        var minutes = all.GetProperty("partnerships").GetProperty("nodes").EnumerateArray()
            .Where(p => p.GetProperty("local").GetProperty("riverside").ValueKind == JsonValueKind.Object)
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("local").GetProperty("riverside").GetProperty("transportationMinutes"));
        // AP Physics is hosted by Maple Ridge: 29.9 great-circle miles from Riverside's office, x1.3 road factor, at 40 mph = 58 minutes.
        Assert.Equal(58, minutes["AP Physics by Video Link"].GetInt32());
        Assert.Equal(JsonValueKind.Null, minutes["Regional Bus and Fuel Purchasing"].ValueKind); // not a shared course
        Assert.True(few.GetProperty("partnerships").GetProperty("nodes").GetArrayLength() == 2);
    }

    [DatabaseFact]
    public async Task Riverside_requires_board_approval_above_25000_dollars_and_only_for_its_own_commitments()
    {
        const string buses = "Regional Bus and Fuel Purchasing";
        var count = await Commitments();
        AssertPluginViolation(await Commit(buses, Riverside, dollars: 240_000m), "riverside", "BOARD_APPROVAL_REQUIRED", "input", "local", "boardApprovalDate");
        AssertPluginViolation(await Commit(buses, Riverside, dollars: 240_000m,
            local: new[] { new { plugin = "riverside", values = new { boardApprovalDate = "2026-10-20", boardMinuteRef = "2026-10-20 item 3" } } }),
            "riverside", "BOARD_APPROVAL_REQUIRED", "input", "local", "boardApprovalDate"); // after today (2026-10-01)
        Assert.Equal(count, await Commitments());

        AssertOk(await Commit(buses, Riverside, dollars: 25_000m)); // at the threshold, not above
        AssertOk(await Commit(buses, "5000530", dollars: 240_000m)); // Green Mountain has no such policy
        var approved = await Commit(buses, Riverside, dollars: 240_000m,
            local: new[] { new { plugin = "riverside", values = new { boardApprovalDate = "2026-09-14", boardMinuteRef = "2026-09-14 item 6b" } } });
        AssertOk(approved);
        var commitment = approved.GetProperty("commitment");
        Assert.Equal("2026-09-14", commitment.GetProperty("local").GetProperty("riverside").GetProperty("boardApprovalDate").GetString());
        Assert.Equal(count + 3, await Commitments());

        // The approval on record cannot be removed afterwards.
        var cleared = await Mutate("setLocalFields", "SetLocalFieldsInput",
            new { id = commitment.GetProperty("id").GetString(), plugin = "riverside", values = new Dictionary<string, object?> { ["boardApprovalDate"] = null } }, "node { id }");
        AssertPluginViolation(cleared, "riverside", "BOARD_APPROVAL_KEPT", "input", "values", "boardApprovalDate");
        var reread = await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on Commitment { local { riverside { boardApprovalDate } } } } }",
            new { id = commitment.GetProperty("id").GetString() });
        Assert.Equal("2026-09-14", reread.GetProperty("node").GetProperty("local").GetProperty("riverside").GetProperty("boardApprovalDate").GetString());
    }

    [DatabaseFact]
    public async Task Maple_Ridge_caps_shared_staff_and_keeps_its_early_release_wednesdays()
    {
        const string network = "Rural Math Teacher Network"; // professional learning; Granite Falls leads, Maple Ridge is a member
        var count = await Commitments();
        AssertPluginViolation(await Commit(network, MapleRidge, staffFte: 0.8), "mapleRidge", "SHARED_STAFF_FTE_CAP", "input", "staffFte");
        AssertPluginViolation(await Commit(network, MapleRidge, dueOn: "2026-11-04"), "mapleRidge", "NO_SHARED_LEARNING_ON_EARLY_RELEASE", "input", "dueOn"); // a Wednesday
        Assert.Equal(count, await Commitments());

        AssertOk(await Commit(network, GraniteFalls, staffFte: 0.8, dueOn: "2026-11-04")); // not Maple Ridge's rule to make
        var advised = await Commit(network, MapleRidge, staffFte: 0.5, dueOn: "2026-11-05");
        AssertOk(advised);
        Assert.Equal(["mapleRidge:BARGAINING_UNIT_RECORDED"], WarningRules(advised)); // advisory: saved, with a warning
        var recorded = await Commit(network, MapleRidge, staffFte: 0.6, local: new[] { new { plugin = "mapleRidge", values = new { bargainingUnit = "TEACHERS" } } });
        AssertOk(recorded);
        Assert.Empty(WarningRules(recorded));
        Assert.Equal("TEACHERS", recorded.GetProperty("commitment").GetProperty("local").GetProperty("mapleRidge").GetProperty("bargainingUnit").GetString());
        Assert.Equal(count + 3, await Commitments());

        // Votes: a shared learning day scheduled on a Wednesday.
        var decision = await Mutate("proposeDecision", "ProposeDecisionInput", new
        {
            partnershipId = await server.PartnershipIdAsync(network), area = "agenda", title = "Hold the winter learning day on December 9",
            deadline = server.Clock.GetUtcNow().AddDays(14), scheduledOn = "2026-12-09",
        }, "decision { id scheduledOn }");
        AssertOk(decision);
        var decisionId = decision.GetProperty("decision").GetProperty("id").GetString();
        Task<JsonElement> Vote(string code, string choice) => server.DistrictIdAsync(code).ContinueWith(d => Mutate("castVote", "CastVoteInput",
            new { decisionId, districtId = d.Result, choice }, "decision { votes { choice district { code } } }")).Unwrap();
        AssertPluginViolation(await Vote(MapleRidge, "YES"), "mapleRidge", "NO_SHARED_LEARNING_ON_EARLY_RELEASE", "input", "choice");
        AssertOk(await Vote(GraniteFalls, "YES"));
        var no = await Vote(MapleRidge, "NO");
        AssertOk(no);
        Assert.Equal(["3300710:YES", "5000420:NO"], no.GetProperty("decision").GetProperty("votes").EnumerateArray()
            .Select(v => $"{v.GetProperty("district").GetProperty("code").GetString()}:{v.GetProperty("choice").GetString()}"));
    }

    [DatabaseFact]
    public async Task Advisory_rules_save_the_change_and_return_warnings()
    {
        var decision = await Mutate("proposeDecision", "ProposeDecisionInput", new
        {
            partnershipId = await server.PartnershipIdAsync("Regional Bus and Fuel Purchasing"), area = "budget", title = $"Fuel budget {Guid.NewGuid():N}",
            deadline = server.Clock.GetUtcNow().AddDays(7),
        }, "decision { id }");
        var vote = await Mutate("castVote", "CastVoteInput", new
        {
            decisionId = decision.GetProperty("decision").GetProperty("id").GetString(), districtId = await server.DistrictIdAsync(Riverside), choice = "YES",
        }, "decision { votes { district { code } } }");
        AssertOk(vote);
        Assert.Equal(["riverside:BUDGET_VOTES_RATIFIED"], WarningRules(vote));
        Assert.Single(vote.GetProperty("decision").GetProperty("votes").EnumerateArray());
    }

    [DatabaseFact]
    public async Task A_dry_run_returns_the_violations_and_warnings_and_saves_nothing()
    {
        const string network = "Rural Math Teacher Network";
        var count = await Commitments();
        var blocked = await Commit(network, MapleRidge, staffFte: 0.9, dryRun: true);
        AssertPluginViolation(blocked, "mapleRidge", "SHARED_STAFF_FTE_CAP", "input", "staffFte");
        var fine = await Commit(network, MapleRidge, staffFte: 0.5, dryRun: true);
        AssertOk(fine);
        Assert.Equal(JsonValueKind.Null, fine.GetProperty("commitment").ValueKind);
        Assert.Equal(["mapleRidge:BARGAINING_UNIT_RECORDED"], WarningRules(fine));
        var values = await Mutate("setLocalFields", "SetLocalFieldsInput",
            new { id = await server.DistrictIdAsync(MapleRidge), plugin = "mapleRidge", values = new { sisAverageDailyAttendance = 100 } }, "node { id }", dryRun: true);
        AssertOk(values);
        Assert.Equal(count, await Commitments());
        await using var db = server.OpenDatabase();
        Assert.False(await db.LocalFieldValues.AnyAsync(v => v.Field == "sisAverageDailyAttendance" && v.Value == "100"));
    }

    [DatabaseFact]
    public async Task Set_local_fields_checks_plugin_scope_names_and_types_and_stores_nothing_on_error()
    {
        var mapleRidge = await server.DistrictIdAsync(MapleRidge);
        Task<JsonElement> Set(string id, string plugin, object values) => Mutate("setLocalFields", "SetLocalFieldsInput", new { id, plugin, values },
            "node { ... on District { local { mapleRidge { sisAverageDailyAttendance sisAverageDailyMembership attendanceRate } } } }");
        string[] stored;
        async Task<string[]> Stored()
        {
            await using var db = server.OpenDatabase();
            return [.. (await db.LocalFieldValues.Where(v => v.Plugin == "mapleRidge" && v.EntityType == "District").Select(v => v.Field + "=" + v.Value).ToListAsync()).Order()];
        }
        stored = await Stored(); // the demo's SIS figures

        var wrong = await Set(mapleRidge, "mapleRidge", new Dictionary<string, object?>
        {
            ["sisAverageDailyAttendance"] = "lots", ["attendanceRate"] = 93, ["votingAge"] = 16,
        });
        AssertError(wrong, "ValidationError", "INVALID_VALUE", "input", "values", "sisAverageDailyAttendance");
        AssertError(wrong, "ValidationError", "NOT_WRITABLE", "input", "values", "attendanceRate");
        AssertError(wrong, "ValidationError", "UNKNOWN_FIELD", "input", "values", "votingAge");
        AssertError(await Set(await server.DistrictIdAsync(Riverside), "mapleRidge", new { sisAverageDailyAttendance = 1 }), "RuleViolation", "OUT_OF_PLUGIN_SCOPE", "input", "id");
        AssertError(await Set(mapleRidge, "lakeport", new { x = 1 }), "ValidationError", "UNKNOWN_PLUGIN", "input", "plugin");
        AssertError(await Set(mapleRidge, "mapleRidge", new[] { 1 }), "ValidationError", "INVALID_VALUE", "input", "values");
        Assert.Equal(stored, await Stored());

        // Infinite Campus: 2,281.5 students present on an average day of 2,410 enrolled -> 94.7 percent.
        var saved = await Set(mapleRidge, "mapleRidge", new { sisAverageDailyAttendance = 2281.5m, sisAverageDailyMembership = 2410 });
        AssertOk(saved);
        var fields = saved.GetProperty("node").GetProperty("local").GetProperty("mapleRidge");
        Assert.Equal(2281.5m, fields.GetProperty("sisAverageDailyAttendance").GetDecimal());
        Assert.Equal(94.7m, fields.GetProperty("attendanceRate").GetDecimal());
        var cleared = await Set(mapleRidge, "mapleRidge", new Dictionary<string, object?> { ["sisAverageDailyMembership"] = null });
        AssertOk(cleared);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("node").GetProperty("local").GetProperty("mapleRidge").GetProperty("attendanceRate").ValueKind);
        Assert.Equal(2281.5m, cleared.GetProperty("node").GetProperty("local").GetProperty("mapleRidge").GetProperty("sisAverageDailyAttendance").GetDecimal());

        // Lists and enums are checked item by item.
        var school = (await server.QueryAsync("query($c: String!) { district(code: $c) { schools(first: 1) { nodes { id } } } }", new { c = Riverside }))
            .GetProperty("district").GetProperty("schools").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        AssertError(await Mutate("setLocalFields", "SetLocalFieldsInput", new { id = school, plugin = "riverside", values = new { localProgramCodes = new object[] { "CTE-AG", 7 } } }, "node { id }"),
            "ValidationError", "INVALID_VALUE", "input", "values", "localProgramCodes");
        var programs = await Mutate("setLocalFields", "SetLocalFieldsInput", new { id = school, plugin = "riverside", values = new { localProgramCodes = new[] { "CTE-AG", "EARLY-COLLEGE" } } },
            "node { ... on School { local { riverside { localProgramCodes } } } }");
        Assert.Equal(["CTE-AG", "EARLY-COLLEGE"], programs.GetProperty("node").GetProperty("local").GetProperty("riverside").GetProperty("localProgramCodes").EnumerateArray().Select(c => c.GetString()));
        var commitment = (await server.QueryAsync("query($c: String!) { district(code: $c) { commitments(first: 1) { nodes { id } } } }", new { c = MapleRidge }))
            .GetProperty("district").GetProperty("commitments").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        AssertError(await Mutate("setLocalFields", "SetLocalFieldsInput", new { id = commitment, plugin = "mapleRidge", values = new { bargainingUnit = "JANITORS" } }, "node { id }"),
            "ValidationError", "INVALID_VALUE", "input", "values", "bargainingUnit");
    }

    [DatabaseFact]
    public async Task Riverside_records_its_own_on_its_schools_League_memberships_and_convening_registrations_and_on_no_one_elses()
    {
        var leagues = await server.QueryAsync("""
            { consortia { leagues { members { id school { district { code } } local { riverside { boardResolution } } }
                convenings(first: 10) { nodes { registrations { id membership { school { district { code } } } local { riverside { pdCreditCode } } } } } } } }
            """);
        var league = leagues.GetProperty("consortia").EnumerateArray().SelectMany(c => c.GetProperty("leagues").EnumerateArray()).Single();
        static string District(JsonElement x) => x.GetProperty("school").GetProperty("district").GetProperty("code").GetString()!;
        var members = league.GetProperty("members").EnumerateArray().ToList();
        var registrations = league.GetProperty("convenings").GetProperty("nodes").EnumerateArray().SelectMany(c => c.GetProperty("registrations").EnumerateArray()).ToList();
        // Present, empty, on Riverside's; null on the other districts' records.
        Assert.All(members.Where(m => District(m) == Riverside), m => Assert.Equal(JsonValueKind.Object, m.GetProperty("local").GetProperty("riverside").ValueKind));
        Assert.All(members.Where(m => District(m) != Riverside), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("local").GetProperty("riverside").ValueKind));
        Assert.All(registrations.Where(r => District(r.GetProperty("membership")) != Riverside), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("local").GetProperty("riverside").ValueKind));

        var registration = registrations.First(r => District(r.GetProperty("membership")) == Riverside).GetProperty("id").GetString()!;
        var set = await Mutate("setLocalFields", "SetLocalFieldsInput", new { id = registration, plugin = "riverside", values = new { pdCreditCode = "PD-2026-117" } },
            "node { ... on ConveningRegistration { local { riverside { pdCreditCode } } } }");
        AssertOk(set);
        Assert.Equal("PD-2026-117", set.GetProperty("node").GetProperty("local").GetProperty("riverside").GetProperty("pdCreditCode").GetString());
        var membership = members.First(m => District(m) == Riverside).GetProperty("id").GetString()!;
        AssertOk(await Mutate("setLocalFields", "SetLocalFieldsInput", new { id = membership, plugin = "riverside", values = new { boardResolution = "2026-05-11 item 4" } }, "node { id }"));
        var read = await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on ConveningRegistration { local { riverside { pdCreditCode } } } } }", new { id = registration });
        Assert.Equal("PD-2026-117", read.GetProperty("node").GetProperty("local").GetProperty("riverside").GetProperty("pdCreditCode").GetString());

        // Another district's registration has no Riverside fields; Maple Ridge's staff write none of Riverside's.
        var other = registrations.First(r => District(r.GetProperty("membership")) != Riverside).GetProperty("id").GetString()!;
        AssertError(await Mutate("setLocalFields", "SetLocalFieldsInput", new { id = other, plugin = "riverside", values = new { pdCreditCode = "PD-X" } }, "node { id }"),
            "RuleViolation", "OUT_OF_PLUGIN_SCOPE", "input", "id");
        var mapleStaff = server.TokenFor("district-staff", districts: [MapleRidge]);
        var refused = (await server.QueryAsync($"mutation($input: SetLocalFieldsInput!) {{ setLocalFields(input: $input) {{ {Errors} }} }}",
            new { input = new { id = registration, plugin = "riverside", values = new { pdCreditCode = "PD-STOLEN" } } }, mapleStaff)).GetProperty("setLocalFields");
        AssertError(refused, "NotAuthorizedError", "NOT_AUTHORIZED", "input", "plugin");
        await using var db = server.OpenDatabase();
        Assert.False(await db.LocalFieldValues.AnyAsync(v => v.Field == "pdCreditCode" && (v.Value.Contains("PD-X") || v.Value.Contains("PD-STOLEN"))));
    }

    [DatabaseFact]
    public async Task Riverside_rules_on_its_schools_joining_the_League_and_on_their_self_assessments()
    {
        var data = await server.QueryAsync("""
            { consortia { leagues { id framework { levels } members(status: [ACTIVE]) { id school { code district { code } } } } } }
            """);
        var league = data.GetProperty("consortia").EnumerateArray().SelectMany(c => c.GetProperty("leagues").EnumerateArray()).Single();
        var top = league.GetProperty("framework").GetProperty("levels").GetArrayLength();
        var members = league.GetProperty("members").EnumerateArray().ToList();
        var riverside = members.First(m => m.GetProperty("school").GetProperty("district").GetProperty("code").GetString() == Riverside).GetProperty("id").GetString()!;
        var other = members.First(m => m.GetProperty("school").GetProperty("district").GetProperty("code").GetString() is not (Riverside or MapleRidge)).GetProperty("id").GetString()!;

        // The top level without evidence is blocked for Riverside's schools, and only theirs; with it, it passes.
        object Assessment(string membership, string? evidence) => new
        {
            membershipId = membership, assessedOn = "2026-09-30", ratings = new object[] { new { dimension = "student-voice", rating = 2 }, new { dimension = "shared-leadership", rating = top, evidence } },
        };
        AssertPluginViolation(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", Assessment(riverside, null), "selfAssessment { id }", dryRun: true),
            "riverside", "EXEMPLARY_NEEDS_EVIDENCE", "input", "ratings", "1", "evidence");
        AssertOk(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", Assessment(other, null), "selfAssessment { id }", dryRun: true));
        AssertOk(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", Assessment(riverside, "Student-led conferences in every advisory, 2025-26 minutes."), "selfAssessment { id }", dryRun: true));

        // A Riverside school joining: told to take it to the board, and let through.
        var school = (await server.QueryAsync("query($code: String!) { district(code: $code) { schools(first: 50) { nodes { id leagueMember } } } }", new { code = Riverside }))
            .GetProperty("district").GetProperty("schools").GetProperty("nodes").EnumerateArray().First(s => !s.GetProperty("leagueMember").GetBoolean()).GetProperty("id").GetString()!;
        var joined = await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league.GetProperty("id").GetString(), schoolId = school }, "leagueMembership { id }", dryRun: true);
        AssertOk(joined);
        Assert.Equal(["riverside:LEAGUE_BOARD_NOTICE"], WarningRules(joined));
    }
}

public sealed class SqliteSamplePluginTests(SqliteServer server) : SamplePluginTests<SqliteServer>(server);

public sealed class PostgreSqlSamplePluginTests(PostgreSqlServer server) : SamplePluginTests<PostgreSqlServer>(server), IPostgreSqlSuite;
