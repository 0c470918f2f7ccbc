using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The League of Innovative Schools, on SQLite and PostgreSQL: a school joins with a letter of commitment signed by its
/// four signatories, rates itself against the League's versioned framework as a history, and reads its trajectory
/// beside the League's distribution; a school outside the member districts joins through the League's admins; no other
/// consortium's admin, no funder and no anonymous caller reaches the League; fifty writers make one membership.
/// </summary>
public abstract class LeagueTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1), UpperValley = GlobalId.Encode("Consortium", 2);
    private const string Riverside = "5000310", Lakeport = "5000640", RiverValley = "3301040";

    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);
    private string Staff(string district) => server.TokenFor("district-staff", districts: [district]);

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection, string? token = null, bool dryRun = false) =>
        (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input, dryRun: {(dryRun ? "true" : "false")}) {{ {selection} {Errors} }} }}", new { input }, token ?? Admin))
        .GetProperty(field);

    private async Task<JsonElement> Node(string id, string selection, string? token = null) =>
        (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", new { id }, token ?? Admin)).GetProperty("node");

    private async Task<string> LeagueId() =>
        (await server.QueryAsync("{ consortia { leagues { id name } } }", token: Admin)).GetProperty("consortia")[0].GetProperty("leagues")[0].GetProperty("id").GetString()!;

    /// <summary>A school of the district that is in no League yet (its elementary schools are not).</summary>
    private async Task<string> SchoolId(string district, int index = 0) =>
        (await server.QueryAsync("query($code: String!) { district(code: $code) { schools(first: 10) { nodes { id name leagueMember } } } }", new { code = district }, Admin))
        .GetProperty("district").GetProperty("schools").GetProperty("nodes").EnumerateArray().Where(s => !s.GetProperty("leagueMember").GetBoolean())
        .ElementAt(index).GetProperty("id").GetString()!;

    private const string MembershipSelection = "leagueMembership { id status joinedOn revision missingSignatures school { leagueMember } }";

    private async Task<JsonElement> SignAll(string membershipId, string token, params string[] signatories)
    {
        JsonElement payload = default;
        foreach (var signatory in signatories)
        {
            payload = await Mutate("signLetterOfCommitment", "SignLetterOfCommitmentInput", new { membershipId, signatory, signedBy = $"The {signatory.ToLowerInvariant()}" }, MembershipSelection, token);
            AssertOk(payload);
        }
        return payload;
    }

    [DatabaseFact]
    public async Task A_principal_joins_with_a_signed_letter_rates_the_school_and_reads_its_trajectory()
    {
        var league = await LeagueId();
        // Riverside's staff (Riverside is in both demo consortia) act for Riverside's own school.
        var staff = Staff(Riverside);
        var school = await SchoolId(Riverside);
        var joined = await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId = school }, MembershipSelection, staff);
        AssertOk(joined);
        var membership = joined.GetProperty("leagueMembership");
        Assert.Equal(("PENDING", 4), (membership.GetProperty("status").GetString(), membership.GetProperty("missingSignatures").GetArrayLength()));
        var id = membership.GetProperty("id").GetString()!;
        AssertError(await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId = school }, MembershipSelection, staff), "RuleViolation", "ALREADY_MEMBER", "input", "schoolId");

        var three = await SignAll(id, staff, "PRINCIPAL", "SUPERINTENDENT", "LEADERSHIP_TEAM");
        Assert.Equal(["BOARD_CHAIR"], three.GetProperty("leagueMembership").GetProperty("missingSignatures").EnumerateArray().Select(s => s.GetString()));
        AssertError(await Mutate("signLetterOfCommitment", "SignLetterOfCommitmentInput", new { membershipId = id, signatory = "PRINCIPAL", signedBy = "Again" }, MembershipSelection, staff),
            "RuleViolation", "ALREADY_SIGNED", "input", "signatory");
        // Not a member until the letter is fully signed: no self-assessment yet.
        var ratings = new[] { new { dimension = "student-voice", rating = 2, evidence = (string?)"Student senate minutes." }, new { dimension = "shared-leadership", rating = 1, evidence = (string?)null } };
        AssertError(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new { membershipId = id, assessedOn = "2026-09-20", ratings }, "selfAssessment { id }", staff),
            "RuleViolation", "NOT_ACTIVE", "input", "membershipId");

        var active = (await SignAll(id, staff, "BOARD_CHAIR")).GetProperty("leagueMembership");
        Assert.Equal(("ACTIVE", "2026-10-01", true), (active.GetProperty("status").GetString(), active.GetProperty("joinedOn").GetString(), active.GetProperty("school").GetProperty("leagueMember").GetBoolean()));

        AssertError(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new { membershipId = id, assessedOn = "2026-09-20", ratings }, "selfAssessment { id }", staff),
            "ValidationError", "INVALID_RANGE", "input", "assessedOn");
        var assessed = await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new { membershipId = id, assessedOn = "2026-10-01", ratings, notes = "Baseline." },
            "selfAssessment { framework { version } ratings { dimension { key } rating evidence } }", staff);
        AssertOk(assessed);
        Assert.Equal([("shared-leadership", 1), ("student-voice", 2)],
            assessed.GetProperty("selfAssessment").GetProperty("ratings").EnumerateArray().Select(r => (r.GetProperty("dimension").GetProperty("key").GetString()!, r.GetProperty("rating").GetInt32())).Order());
        AssertError(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new { membershipId = id, assessedOn = "2026-10-01", ratings }, "selfAssessment { id }", staff),
            "RuleViolation", "DUPLICATE_DAY", "input", "assessedOn");
        var bad = await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new
        {
            membershipId = id, assessedOn = "2026-09-30",
            ratings = new[] { new { dimension = "student-voice", rating = 9 }, new { dimension = "recess", rating = 1 }, new { dimension = "student-voice", rating = 1 } },
        }, "selfAssessment { id }", staff);
        AssertError(bad, "ValidationError", "OUT_OF_RANGE", "input", "ratings", "0", "rating");
        AssertError(bad, "ValidationError", "UNKNOWN_DIMENSION", "input", "ratings", "1", "dimension");
        AssertError(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new { membershipId = id, assessedOn = "2026-10-02", ratings }, "selfAssessment { id }", staff),
            "ValidationError", "DATE_IN_FUTURE", "input", "assessedOn");

        // One rating so far: its own baseline, no rate yet, the League's median for 2026-27 beside it (only this school rated then).
        var trajectory = (await Node(id, "... on LeagueMembership { trajectory { dimension baseline latest change changePerYear points { schoolYear rating leagueMedian } } }", staff))
            .GetProperty("trajectory").EnumerateArray().ToDictionary(t => t.GetProperty("dimension").GetString()!);
        Assert.Equal(2, trajectory["student-voice"].GetProperty("baseline").GetInt32());
        Assert.Equal(JsonValueKind.Null, trajectory["student-voice"].GetProperty("changePerYear").ValueKind);
        Assert.Equal(("2026-27", 2.0), (trajectory["student-voice"].GetProperty("points")[0].GetProperty("schoolYear").GetString(), trajectory["student-voice"].GetProperty("points")[0].GetProperty("leagueMedian").GetDouble()));

        // Another district's staff do not act for Riverside's school; leaving keeps the history.
        AssertError(await Mutate("leaveLeague", "LeaveLeagueInput", new { membershipId = id, reason = "Not ours to end." }, MembershipSelection, Staff(Lakeport)),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "membershipId");
        var left = await Mutate("leaveLeague", "LeaveLeagueInput", new { membershipId = id, reason = "Merging with the middle school." }, "leagueMembership { status selfAssessments { assessedOn } school { leagueMember } }", staff);
        AssertOk(left);
        Assert.Equal(("LEFT", 1, false), (left.GetProperty("leagueMembership").GetProperty("status").GetString(), left.GetProperty("leagueMembership").GetProperty("selfAssessments").GetArrayLength(),
            left.GetProperty("leagueMembership").GetProperty("school").GetProperty("leagueMember").GetBoolean()));
        AssertError(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new { membershipId = id, assessedOn = "2026-09-30", ratings }, "selfAssessment { id }", staff),
            "RuleViolation", "NOT_ACTIVE", "input", "membershipId");
    }

    [DatabaseFact]
    public async Task The_members_schools_are_read_with_the_members_not_by_a_statement_of_their_own()
    {
        var league = await LeagueId();
        async Task<(long Statements, JsonElement Members)> Read(string selection)
        {
            var before = server.Statements;
            var node = (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ ... on League {{ members {{ id {selection} }} }} }} }}", new { id = league }, Admin)).GetProperty("node");
            return (server.Statements - before, node.GetProperty("members"));
        }
        var (withoutSchools, _) = await Read("");
        var (withSchools, members) = await Read("school { id code name }");
        Assert.Equal(withoutSchools, withSchools); // the order joins the school anyway (RowsByKey's `with`)
        // The same schools {School}ById reads.
        Assert.True(members.GetArrayLength() > 1);
        foreach (var member in members.EnumerateArray())
        {
            var school = member.GetProperty("school");
            var byId = (await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on School { code name } } }", new { id = school.GetProperty("id").GetString() }, Admin)).GetProperty("node");
            Assert.Equal(byId.GetProperty("code").GetString(), school.GetProperty("code").GetString());
        }
    }

    [DatabaseFact]
    public async Task A_coordinator_reads_every_schools_trajectory_beside_the_leagues_distribution_in_constant_statements()
    {
        var league = await LeagueId();
        const string page = """
            query($id: ID!, $status: [LeagueMembershipStatus!]) { node(id: $id) { ... on League {
              frameworks { version levels dimensions { key descriptors } }
              members(status: $status) { status missingSignatures school { name district { code state } } trajectory { dimension baseline latest changePerYear points { schoolYear rating leagueMedian } } }
              distribution { dimension schoolYear schools minimum lowerQuartile median upperQuartile maximum } } } }
            """;
        var before = server.Statements;
        var all = (await server.QueryAsync(page, new { id = league, status = new[] { "ACTIVE", "PENDING" } }, Admin)).GetProperty("node");
        var many = server.Statements - before;
        before = server.Statements;
        await server.QueryAsync(page, new { id = league, status = new[] { "ACTIVE" } }, Admin);
        Assert.Equal(many, server.Statements - before); // the same statements without the pending school as with it
        before = server.Statements;
        await server.QueryAsync(page, new { id = league, status = new[] { "PENDING" } }, Admin);
        Assert.True(server.Statements - before <= many, $"{server.Statements - before} statements for one school, {many} for twenty");

        var framework = all.GetProperty("frameworks")[0]; // the demo's first version (another test here defines a second)
        Assert.Equal(["Beginning", "Developing", "Proficient", "Exemplary"], framework.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(6, framework.GetProperty("dimensions").GetArrayLength());
        Assert.All(framework.GetProperty("dimensions").EnumerateArray(), d => Assert.Equal(4, d.GetProperty("descriptors").GetArrayLength()));

        var members = all.GetProperty("members").EnumerateArray().ToList();
        Assert.True(members.Count >= 20, $"{members.Count} members");
        Assert.Equal(["ME", "NH", "VT"], members.Select(m => m.GetProperty("school").GetProperty("district").GetProperty("state").GetString()).Distinct().Order());
        // Outside the member districts: the charter school is a member, the career-technical center's letter waits for its board
        // chair (until another test here signs it); a membership is pending exactly while a signature is missing.
        var center = Assert.Single(members, m => m.GetProperty("school").GetProperty("district").GetProperty("code").GetString() == "3399902");
        Assert.Contains(center.GetProperty("status").GetString(), new[] { "PENDING", "ACTIVE" });
        Assert.All(members, m => Assert.Equal(m.GetProperty("status").GetString() == "PENDING", m.GetProperty("missingSignatures").GetArrayLength() > 0));
        Assert.Contains(members, m => m.GetProperty("school").GetProperty("district").GetProperty("code").GetString() == "5099901" && m.GetProperty("status").GetString() == "ACTIVE");

        // Different rates: some schools gain a level a year, some half, some hold; each point carries the League's median that year.
        var rates = members.SelectMany(m => m.GetProperty("trajectory").EnumerateArray()).Where(t => t.GetProperty("changePerYear").ValueKind == JsonValueKind.Number)
            .Select(t => Math.Round(t.GetProperty("changePerYear").GetDouble() * 2) / 2).Distinct().Order().ToList();
        Assert.Contains(0.0, rates);
        Assert.Contains(0.5, rates);
        Assert.Contains(1.0, rates);
        var distribution = all.GetProperty("distribution").EnumerateArray().ToList();
        var voice = distribution.Where(d => d.GetProperty("dimension").GetString() == "student-voice").ToDictionary(d => d.GetProperty("schoolYear").GetString()!);
        Assert.Equal((16, 19), (voice["2023-24"].GetProperty("schools").GetInt32(), voice["2024-25"].GetProperty("schools").GetInt32()));
        Assert.All(distribution, d => Assert.True(d.GetProperty("minimum").GetDouble() <= d.GetProperty("lowerQuartile").GetDouble()
            && d.GetProperty("lowerQuartile").GetDouble() <= d.GetProperty("median").GetDouble() && d.GetProperty("median").GetDouble() <= d.GetProperty("upperQuartile").GetDouble()
            && d.GetProperty("upperQuartile").GetDouble() <= d.GetProperty("maximum").GetDouble()));
        // The distribution is what the trajectories are read against: the median beside a 2025-26 point is that year's.
        var medians = distribution.ToDictionary(d => (d.GetProperty("dimension").GetString(), d.GetProperty("schoolYear").GetString()), d => d.GetProperty("median").GetDouble());
        var points = members.SelectMany(m => m.GetProperty("trajectory").EnumerateArray())
            .SelectMany(t => t.GetProperty("points").EnumerateArray().Select(p => (Dimension: t.GetProperty("dimension").GetString(), Point: p))).ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal(medians[(p.Dimension, p.Point.GetProperty("schoolYear").GetString())], p.Point.GetProperty("leagueMedian").GetDouble()));
    }

    [DatabaseFact]
    public async Task An_outside_school_joins_through_the_leagues_admins_and_its_district_is_readable_to_the_league()
    {
        var league = await LeagueId();
        var center = (await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on League { members(status: [PENDING]) { id school { district { code } } } } } }", new { id = league }, Admin))
            .GetProperty("node").GetProperty("members").EnumerateArray().Single(m => m.GetProperty("school").GetProperty("district").GetProperty("code").GetString() == "3399902");
        var id = center.GetProperty("id").GetString()!;
        // Member districts' staff do not sign for a school outside their district; the League's admins do.
        AssertError(await Mutate("signLetterOfCommitment", "SignLetterOfCommitmentInput", new { membershipId = id, signatory = "BOARD_CHAIR", signedBy = "Not ours" }, MembershipSelection, Staff(Riverside)),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "membershipId");
        var signed = await Mutate("signLetterOfCommitment", "SignLetterOfCommitmentInput", new { membershipId = id, signatory = "BOARD_CHAIR", signedBy = "Board chair, Upper Connecticut Valley CTC" }, MembershipSelection);
        AssertOk(signed);
        Assert.Equal("ACTIVE", signed.GetProperty("leagueMembership").GetProperty("status").GetString());
        // A member district's staff read the League's outside school and its district through the membership.
        var seen = await Node(id, "... on LeagueMembership { status school { name district { name code } } }", Staff(Riverside));
        Assert.Equal("3399902", seen.GetProperty("school").GetProperty("district").GetProperty("code").GetString());
    }

    [DatabaseFact]
    public async Task No_other_consortiums_admin_no_funder_and_no_anonymous_caller_reaches_the_league()
    {
        var league = await LeagueId();
        var otherAdmin = server.TokenFor("consortium-admin", consortia: [UpperValley]);
        Assert.Equal(JsonValueKind.Null, (await Node(league, "... on League { name }", otherAdmin)).ValueKind);
        AssertError(await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId = await SchoolId(RiverValley) }, MembershipSelection, otherAdmin),
            "ValidationError", "NOT_FOUND", "input", "leagueId");
        AssertError(await Mutate("defineFramework", "DefineFrameworkInput", new { leagueId = league, name = "Theirs", levels = new[] { "Low", "High" }, dimensions = new[] { new { key = "x", name = "X", descriptors = new[] { "a", "b" } } } },
            "improvementFramework { id }", otherAdmin), "ValidationError", "NOT_FOUND", "input", "leagueId");
        // River Valley is in both consortia: with a credential for Upper Valley only it does not reach the Northern League.
        var scoped = server.TokenFor("district-staff", districts: [RiverValley], consortia: [UpperValley]);
        Assert.Equal(JsonValueKind.Null, (await Node(league, "... on League { name }", scoped)).ValueKind);
        Assert.Equal("League of Innovative Schools", (await Node(league, "... on League { name }", Staff(RiverValley))).GetProperty("name").GetString());
        // A district in no consortium (the demo's charter school) has staff who see no League.
        Assert.Equal(JsonValueKind.Null, (await Node(league, "... on League { name }", Staff("5099901"))).ValueKind);

        foreach (var token in new[] { await server.TokenAsync("funder-1"), PluginTestHost.Anonymous })
        {
            var (_, body) = await server.SendAsync("{ consortia { leagues { name } } }", token: token);
            Assert.Equal("NOT_AUTHORIZED", JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
            var (_, text) = await server.SendAsync("query($id: ID!) { node(id: $id) { ... on League { name members { school { name } } } } }", new { id = league }, token: token);
            var node = JsonDocument.Parse(text).RootElement;
            Assert.False(node.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.GetProperty("node").ValueKind == JsonValueKind.Object, text);
        }
    }

    [DatabaseFact]
    public async Task A_new_framework_version_leaves_earlier_ratings_on_theirs_and_bad_frameworks_are_refused()
    {
        var league = await LeagueId();
        var bad = await Mutate("defineFramework", "DefineFrameworkInput", new
        {
            leagueId = league, name = "Broken", levels = new[] { "Only" },
            dimensions = new[]
            {
                new { key = "Student Voice", name = "Voice", descriptors = new[] { "a" } },
                new { key = "equity", name = "Equity", descriptors = new[] { "a", "b" } },
                new { key = "equity", name = "Equity again", descriptors = new[] { "a" } },
            },
        }, "improvementFramework { id }");
        AssertError(bad, "ValidationError", "OUT_OF_RANGE", "input", "levels");
        AssertError(bad, "ValidationError", "INVALID_KEY", "input", "dimensions", "0", "key");
        AssertError(bad, "ValidationError", "DESCRIPTORS_PER_LEVEL", "input", "dimensions", "1", "descriptors");
        AssertError(bad, "ValidationError", "DUPLICATE_DIMENSION", "input", "dimensions", "2", "key");
        // Only admins define the framework: district staff are refused before anything runs.
        var (_, refused) = await server.SendAsync("""
            mutation($id: ID!) { defineFramework(input: { leagueId: $id, name: "V2", levels: ["Low", "High"], dimensions: [{ key: "x", name: "X", descriptors: ["a", "b"] }] }) { errors { code } } }
            """, new { id = league }, token: Staff(Riverside));
        Assert.Equal("NOT_AUTHORIZED", JsonDocument.Parse(refused).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var revision = (await Node(league, "... on League { revision }")).GetProperty("revision").GetInt32();
        var v2 = await Mutate("defineFramework", "DefineFrameworkInput", new
        {
            leagueId = league, name = "Framework of School Practices, 2026", levels = new[] { "Beginning", "Developing", "Proficient", "Advanced", "Exemplary" }, changeSummary = "A fifth level; equity added.",
            expectedRevision = revision,
            // The six dimensions keep their keys, so trajectories run through both versions; equity is new.
            dimensions = new[] { "personalized-learning", "proficiency-based-learning", "multiple-pathways", "shared-leadership", "family-community", "student-voice", "equity" }
                .Select(key => new { key, name = key, descriptors = new[] { "Beginning", "Developing", "Proficient", "Advanced", "Exemplary" }.Select(level => $"{key}: {level}").ToArray() }),
        }, "improvementFramework { version levels dimensions { key } }");
        AssertOk(v2);
        Assert.Equal(2, v2.GetProperty("improvementFramework").GetProperty("version").GetInt32());
        // The revision it was read at is spent: a second definition from the same read is refused.
        AssertError(await Mutate("defineFramework", "DefineFrameworkInput", new
        {
            leagueId = league, name = "Stale", levels = new[] { "Low", "High" }, expectedRevision = revision, dimensions = new[] { new { key = "x", name = "X", descriptors = new[] { "a", "b" } } },
        }, "improvementFramework { id }"), "ConflictError", "CONFLICT");

        var versions = (await Node(league, "... on League { framework { version } frameworks { version } members { selfAssessments { framework { version } } } }"));
        Assert.Equal(2, versions.GetProperty("framework").GetProperty("version").GetInt32());
        Assert.Equal([1, 2], versions.GetProperty("frameworks").EnumerateArray().Select(f => f.GetProperty("version").GetInt32()));
        Assert.All(versions.GetProperty("members").EnumerateArray().SelectMany(m => m.GetProperty("selfAssessments").EnumerateArray()),
            a => Assert.Equal(1, a.GetProperty("framework").GetProperty("version").GetInt32()));
    }

    [DatabaseFact]
    public async Task An_admin_of_one_consortium_sets_up_its_league_and_each_refusal_says_what_is_wrong()
    {
        var valleyAdmin = server.TokenFor("consortium-admin", consortia: [UpperValley]);
        var create = new { consortiumId = UpperValley, name = "Upper Valley League", commitment = "We improve together." };
        var created = await Mutate("createLeague", "CreateLeagueInput", create, "league { id name consortium { id } framework { version } }", valleyAdmin);
        AssertOk(created);
        Assert.Equal((UpperValley, JsonValueKind.Null), (created.GetProperty("league").GetProperty("consortium").GetProperty("id").GetString(), created.GetProperty("league").GetProperty("framework").ValueKind));
        var league = created.GetProperty("league").GetProperty("id").GetString()!;
        AssertError(await Mutate("createLeague", "CreateLeagueInput", create, "league { id }", valleyAdmin), "ValidationError", "DUPLICATE_NAME", "input", "name");
        // Northern's admin does not set up a League in Upper Valley, nor see this one.
        AssertError(await Mutate("createLeague", "CreateLeagueInput", create, "league { id }", Admin), "ValidationError", "NOT_FOUND", "input", "consortiumId");
        Assert.Equal(JsonValueKind.Null, (await Node(league, "... on League { name }", Admin)).ValueKind);
        AssertError(await Mutate("defineFramework", "DefineFrameworkInput", new
        {
            leagueId = league, name = "Ours", levels = new[] { "Low", "low" }, dimensions = new[] { new { key = "voice", name = "Voice", descriptors = new[] { "a", "b" } } },
        }, "improvementFramework { id }", valleyAdmin), "ValidationError", "DUPLICATE_LEVEL", "input", "levels");

        // A school of a district in both consortia, enrolled by the Upper Valley admin: no framework yet to rate against.
        var school = await SchoolId(RiverValley);
        var joined = await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId = school }, MembershipSelection, valleyAdmin);
        AssertOk(joined);
        var id = joined.GetProperty("leagueMembership").GetProperty("id").GetString()!;
        await SignAll(id, valleyAdmin, "PRINCIPAL", "SUPERINTENDENT", "LEADERSHIP_TEAM", "BOARD_CHAIR");
        AssertError(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput", new { membershipId = id, assessedOn = "2026-10-01", ratings = new[] { new { dimension = "voice", rating = 1 } } },
            "selfAssessment { id }", valleyAdmin), "RuleViolation", "NO_FRAMEWORK", "input", "membershipId");

        AssertError(await Mutate("leaveLeague", "LeaveLeagueInput", new { membershipId = id, reason = "Too early.", leftOn = "2026-09-01" }, MembershipSelection, valleyAdmin),
            "ValidationError", "INVALID_RANGE", "input", "leftOn");
        AssertOk(await Mutate("leaveLeague", "LeaveLeagueInput", new { membershipId = id, reason = "Joined the Northern League instead." }, MembershipSelection, valleyAdmin));
        AssertError(await Mutate("leaveLeague", "LeaveLeagueInput", new { membershipId = id, reason = "Again." }, MembershipSelection, valleyAdmin),
            "RuleViolation", "ALREADY_LEFT", "input", "membershipId");
        AssertError(await Mutate("signLetterOfCommitment", "SignLetterOfCommitmentInput", new { membershipId = id, signatory = "PRINCIPAL", signedBy = "Late" }, MembershipSelection, valleyAdmin),
            "RuleViolation", "NOT_PENDING", "input", "membershipId");

        // A closed school joins nothing.
        var closing = await SchoolId(RiverValley, 1);
        AssertOk((await server.QueryAsync($"mutation($id: ID!) {{ closeSchool(input: {{ id: $id }}) {{ {Errors} }} }}", new { id = closing }, server.TokenFor("platform-admin")))
            .GetProperty("closeSchool"));
        AssertError(await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId = closing }, MembershipSelection, valleyAdmin), "RuleViolation", "SCHOOL_CLOSED", "input", "schoolId");
    }

    [DatabaseFact]
    public async Task Fifty_at_once_define_one_framework_version_record_one_assessment_a_day_and_end_a_membership_once()
    {
        // A League of its own (named to sort after the demo's), so the demo League's framework and members stay as the other tests read them.
        var created = await Mutate("createLeague", "CreateLeagueInput", new { consortiumId = Northern, name = "Writers' League, fifty at once", commitment = "We improve together." }, "league { id revision }");
        AssertOk(created);
        var league = created.GetProperty("league").GetProperty("id").GetString()!;
        var revision = created.GetProperty("league").GetProperty("revision").GetInt32();

        // Fifty admins defining the version they read: one lands, the rest are told the League moved.
        var defined = await Race.RunAsync(50, i => Mutate("defineFramework", "DefineFrameworkInput", new
        {
            leagueId = league, name = $"Framework {i}", levels = new[] { "Low", "High" }, expectedRevision = revision,
            dimensions = new[] { new { key = "voice", name = "Student voice", descriptors = new[] { "Some", "Most" } } },
        }, "improvementFramework { version }"), retryConflicts: false);
        Assert.Equal(1, defined.Count(o => o == "OK"));
        Assert.All(defined.Where(o => o != "OK"), o => Assert.Equal("CONFLICT", o));
        Assert.Single((await Node(league, "... on League { frameworks { version } }")).GetProperty("frameworks").EnumerateArray());

        var school = await SchoolId(Lakeport, 1);
        var joined = await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId = school }, MembershipSelection);
        AssertOk(joined);
        var membership = joined.GetProperty("leagueMembership").GetProperty("id").GetString()!;
        await SignAll(membership, Admin, "PRINCIPAL", "SUPERINTENDENT", "LEADERSHIP_TEAM", "BOARD_CHAIR");

        // One assessment a day, however many send it.
        var assessed = await Race.RunAsync(50, i => Mutate("recordSelfAssessment", "RecordSelfAssessmentInput",
            new { membershipId = membership, assessedOn = "2026-10-01", ratings = new[] { new { dimension = "voice", rating = 1 + i % 2 } } }, "selfAssessment { id }"));
        Assert.Equal(1, assessed.Count(o => o == "OK"));
        Assert.All(assessed.Where(o => o != "OK"), o => Assert.Equal("DUPLICATE_DAY", o));
        Assert.Single((await Node(membership, "... on LeagueMembership { selfAssessments { id } }")).GetProperty("selfAssessments").EnumerateArray());

        // One leaving.
        var left = await Race.RunAsync(50, i => Mutate("leaveLeague", "LeaveLeagueInput", new { membershipId = membership, reason = $"Reason {i}" }, MembershipSelection));
        Assert.Equal(1, left.Count(o => o == "OK"));
        Assert.All(left.Where(o => o != "OK"), o => Assert.Equal("ALREADY_LEFT", o));
        Assert.Equal("LEFT", (await Node(membership, "... on LeagueMembership { status }")).GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task Fifty_requests_to_join_make_one_membership_and_fifty_signers_one_complete_letter()
    {
        var league = await LeagueId();
        var school = await SchoolId(Lakeport);
        var staff = Staff(Lakeport);
        using var start = new SemaphoreSlim(0);
        var joiners = Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.WaitAsync();
            while (true)
            {
                var payload = await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId = school }, "leagueMembership { id }", staff);
                if (payload.GetProperty("errors").GetArrayLength() == 0) return payload.GetProperty("leagueMembership").GetProperty("id").GetString()!;
                var code = payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
                if (code != "CONFLICT") return code;
            }
        }).ToList();
        start.Release(50);
        var outcomes = await Task.WhenAll(joiners);
        var id = Assert.Single(outcomes, o => o != "ALREADY_MEMBER");
        var memberships = (await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on School { leagueMemberships { id } } } }", new { id = school }, Admin))
            .GetProperty("node").GetProperty("leagueMemberships");
        Assert.Equal([id], memberships.EnumerateArray().Select(m => m.GetProperty("id").GetString()));

        string[] signatories = ["PRINCIPAL", "SUPERINTENDENT", "LEADERSHIP_TEAM", "BOARD_CHAIR"];
        var signers = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            while (true)
            {
                var payload = await Mutate("signLetterOfCommitment", "SignLetterOfCommitmentInput", new { membershipId = id, signatory = signatories[i % 4], signedBy = $"Signer {i}" }, "leagueMembership { id }", staff);
                if (payload.GetProperty("errors").GetArrayLength() == 0) return "OK";
                var code = payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
                if (code != "CONFLICT") return code;
            }
        }).ToList();
        start.Release(50);
        var signed = await Task.WhenAll(signers);
        Assert.Equal(4, signed.Count(o => o == "OK"));
        Assert.All(signed.Where(o => o != "OK"), o => Assert.Contains(o, new[] { "ALREADY_SIGNED", "NOT_PENDING" }));
        var letter = await Node(id, "... on LeagueMembership { status joinedOn signatures { signatory } }");
        Assert.Equal(("ACTIVE", 4), (letter.GetProperty("status").GetString(), letter.GetProperty("signatures").GetArrayLength()));
    }
}

public sealed class SqliteLeagueTests(SqliteServer server) : LeagueTests<SqliteServer>(server);

public sealed class PostgreSqlLeagueTests(PostgreSqlServer server) : LeagueTests<PostgreSqlServer>(server), IPostgreSqlSuite;
