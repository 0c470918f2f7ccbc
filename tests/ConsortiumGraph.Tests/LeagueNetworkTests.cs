using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// The League's people and their work together, on SQLite and PostgreSQL, as a school's principal (the school leader role)
/// does it: join, rate the school, host a peer visit and read its feedback, share a practice and find it again by its
/// words (each provider's full-text index) and dimension. The leader acts for its own school only; funders, anonymous
/// callers and other consortia never reach a name; fifty bookings of one day make one visit, fifty submissions one feedback.
/// </summary>
public abstract class LeagueNetworkTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1), UpperValley = GlobalId.Encode("Consortium", 2);
    private const string Riverside = "5000310";

    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);
    private string Staff(string district) => server.TokenFor("district-staff", districts: [district]);

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection, string token) =>
        (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", new { input }, token))
        .GetProperty(field);

    private async Task<JsonElement> Node(string id, string selection, string token) =>
        (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", new { id }, token)).GetProperty("node");

    private async Task<string> LeagueId() =>
        (await server.QueryAsync("{ consortia { leagues { id } } }", token: Admin)).GetProperty("consortia")[0].GetProperty("leagues")[0].GetProperty("id").GetString()!;

    /// <summary>A Riverside school in no League yet, by ID and code.</summary>
    private async Task<(string Id, string Code)> NewSchool() =>
        (await server.QueryAsync("query($code: String!) { district(code: $code) { schools(first: 20) { nodes { id code leagueMember } } } }", new { code = Riverside }, Admin))
        .GetProperty("district").GetProperty("schools").GetProperty("nodes").EnumerateArray().Where(s => !s.GetProperty("leagueMember").GetBoolean())
        .Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("code").GetString()!)).First();

    private sealed record Teacher(string Id, string Name, string SchoolId, string District, string State);

    /// <summary>The demo's teachers, with their schools' districts.</summary>
    private async Task<List<Teacher>> Teachers(string league) =>
        [.. (await Node(league, "... on League { educators(first: 100, role: TEACHER) { nodes { id name school { id district { code state } } } } }", Admin))
            .GetProperty("educators").GetProperty("nodes").EnumerateArray().Select(e => new Teacher(e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!,
                e.GetProperty("school").GetProperty("id").GetString()!, e.GetProperty("school").GetProperty("district").GetProperty("code").GetString()!,
                e.GetProperty("school").GetProperty("district").GetProperty("state").GetString()!))];

    /// <summary>An active member school's membership, as the demo has them.</summary>
    private async Task<string> DemoMembership(int index) =>
        (await Node(await LeagueId(), "... on League { members(status: [ACTIVE]) { id school { district { code } } } }", Admin)).GetProperty("members").EnumerateArray()
        .Where(m => m.GetProperty("school").GetProperty("district").GetProperty("code").GetString() != Riverside).ElementAt(index).GetProperty("id").GetString()!;

    [DatabaseFact]
    public async Task A_principal_joins_rates_hosts_a_visit_reads_its_feedback_and_shares_a_practice_peers_find()
    {
        var league = await LeagueId();
        var (schoolId, code) = await NewSchool();
        var leader = server.TokenForSchoolLeader(code);

        // Joining: the principal asks, the four signatories sign, the school rates itself.
        var joined = await Mutate("joinLeague", "JoinLeagueInput", new { leagueId = league, schoolId }, "leagueMembership { id }", leader);
        AssertOk(joined);
        var membership = joined.GetProperty("leagueMembership").GetProperty("id").GetString()!;
        foreach (var signatory in new[] { "PRINCIPAL", "SUPERINTENDENT", "LEADERSHIP_TEAM", "BOARD_CHAIR" })
            AssertOk(await Mutate("signLetterOfCommitment", "SignLetterOfCommitmentInput", new { membershipId = membership, signatory, signedBy = $"The {signatory}" }, "leagueMembership { status }", leader));
        AssertOk(await Mutate("recordSelfAssessment", "RecordSelfAssessmentInput",
            new { membershipId = membership, assessedOn = "2026-10-01", ratings = new[] { new { dimension = "student-voice", rating = 2 } } }, "selfAssessment { id }", leader));

        // Its people: the principal adds the school's own, and no one else's.
        var added = await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "Ada Principal", role = "PRINCIPAL", schoolId, email = "ada@riverside.example.org" },
            "educator { id name role school { id } district { code } }", leader);
        AssertOk(added);
        var principal = added.GetProperty("educator");
        Assert.Equal(("PRINCIPAL", Riverside), (principal.GetProperty("role").GetString(), principal.GetProperty("district").GetProperty("code").GetString()));
        var principalId = principal.GetProperty("id").GetString()!;
        AssertError(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "Ada Again", role = "TEACHER", schoolId, email = "ADA@riverside.example.org" }, "educator { id }", leader),
            "RuleViolation", "DUPLICATE_EMAIL", "input", "email");
        var teachers = await Teachers(league);
        AssertError(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "Not Mine", role = "TEACHER", schoolId = teachers[0].SchoolId }, "educator { id }", leader),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "schoolId");
        AssertError(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "A Coordinator", role = "COORDINATOR" }, "educator { id }", leader),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "role");
        AssertError(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "No School", role = "TEACHER" }, "educator { id }", leader),
            "ValidationError", "REQUIRED", "input", "schoolId");

        // Hosting: visitors from two other districts, one of them in another state.
        var first = teachers.First(t => t.District != Riverside && t.State != "VT");
        var second = teachers.First(t => t.District != Riverside && t.District != first.District);
        object Visit(string day, params string[] visitors) => new { hostMembershipId = membership, visitOn = day, focusQuestion = "Where do students shape what is taught?", visitorIds = visitors };
        const string VisitSelection = "peerVisit { id status visitOn visitors { name } }";
        AssertError(await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-09-30", first.Id), VisitSelection, leader), "ValidationError", "IN_THE_PAST", "input", "visitOn");
        AssertError(await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-14", first.Id, principalId), VisitSelection, leader), "RuleViolation", "HOST_STAFF", "input", "visitorIds", "1");
        AssertError(await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-14", first.Id, first.Id), VisitSelection, leader), "ValidationError", "DUPLICATE_VISITOR", "input", "visitorIds", "1");
        AssertError(await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-14"), VisitSelection, leader), "ValidationError", "OUT_OF_RANGE", "input", "visitorIds");
        var booked = await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-14", first.Id, second.Id), VisitSelection, leader);
        AssertOk(booked);
        var visit = booked.GetProperty("peerVisit");
        Assert.Equal(("SCHEDULED", 2), (visit.GetProperty("status").GetString(), visit.GetProperty("visitors").GetArrayLength()));
        var visitId = visit.GetProperty("id").GetString()!;
        AssertError(await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-14", second.Id), VisitSelection, leader), "RuleViolation", "DUPLICATE_DAY", "input", "visitOn");

        // Feedback follows the visit, from the visitors (those who act for them), once each.
        object Feedback(string educatorId, string strengths) => new { visitId, educatorId, strengths, suggestions = "Bring students into the schedule conversation." };
        const string FeedbackSelection = "visitFeedback { id strengths givenBy { name } }";
        AssertError(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", Feedback(first.Id, "Early."), FeedbackSelection, Staff(first.District)), "RuleViolation", "NOT_YET", "input", "visitId");
        // A follow-up answers a visit that took place: not one still to come.
        AssertError(await Mutate("commitToImprove", "CommitToImproveInput",
            new { membershipId = membership, title = "Too soon", dimensions = new[] { "student-voice" }, followUpOfVisitId = visitId }, "improvementCommitment { id }", leader),
            "RuleViolation", "NOT_HELD", "input", "followUpOfVisitId");
        server.Clock.Advance(TimeSpan.FromDays(14));
        try
        {
            AssertError(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", Feedback(first.Id, "Not mine to give."), FeedbackSelection, leader),
                "NotAuthorizedError", "NOT_AUTHORIZED", "input", "educatorId");
            AssertError(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", Feedback(principalId, "Our own."), FeedbackSelection, leader), "RuleViolation", "NOT_A_VISITOR", "input", "educatorId");
            AssertError(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", new { visitId, educatorId = first.Id }, FeedbackSelection, Staff(first.District)),
                "ValidationError", "REQUIRED", "input", "strengths");
            AssertOk(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", Feedback(first.Id, "Students could say what they were learning and why."), FeedbackSelection, Staff(first.District)));
            AssertError(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", Feedback(first.Id, "Again."), FeedbackSelection, Staff(first.District)), "RuleViolation", "ALREADY_GIVEN", "input", "educatorId");
            AssertError(await Mutate("cancelVisit", "CancelVisitInput", new { visitId, reason = "Too late." }, "peerVisit { id }", leader), "RuleViolation", "HELD", "input", "visitId");

            // The host reads its feedback; the visitor's school counts the visit as one it made.
            var hosted = await Node(membership, "... on LeagueMembership { visitsHosted { status focusQuestion } feedbackReceived { strengths suggestions givenBy { name school { id } } } }", leader);
            Assert.Equal("HELD", Assert.Single(hosted.GetProperty("visitsHosted").EnumerateArray()).GetProperty("status").GetString());
            var received = Assert.Single(hosted.GetProperty("feedbackReceived").EnumerateArray());
            Assert.Equal((first.Name, first.SchoolId), (received.GetProperty("givenBy").GetProperty("name").GetString(), received.GetProperty("givenBy").GetProperty("school").GetProperty("id").GetString()));
            // The host commits to act on what it heard, and reports on it; follow-ups answer visits the school hosted, once held.
            object Commit(string? visit, string? due = "2027-06-15") => new { membershipId = membership, title = "A common rubric for the ninth-grade team", dimensions = new[] { "proficiency-based-learning" }, dueOn = due, followUpOfVisitId = visit };
            const string CommitmentSelection = "improvementCommitment { id status revision followUpOf { id } dimensions }";
            AssertError(await Mutate("commitToImprove", "CommitToImproveInput", Commit(visitId, "2026-10-01"), CommitmentSelection, leader), "ValidationError", "IN_THE_PAST", "input", "dueOn");
            var othersVisit = (await Node(await LeagueId(), "... on League { visits(first: 20) { nodes { id status } } }", leader)).GetProperty("visits").GetProperty("nodes").EnumerateArray()
                .First(v => v.GetProperty("id").GetString() != visitId).GetProperty("id").GetString()!;
            AssertError(await Mutate("commitToImprove", "CommitToImproveInput", Commit(othersVisit), CommitmentSelection, leader), "RuleViolation", "NOT_HOST", "input", "followUpOfVisitId");
            var committed = await Mutate("commitToImprove", "CommitToImproveInput", Commit(visitId), CommitmentSelection, leader);
            AssertOk(committed);
            var commitment = committed.GetProperty("improvementCommitment");
            Assert.Equal(("PLANNED", visitId), (commitment.GetProperty("status").GetString(), commitment.GetProperty("followUpOf").GetProperty("id").GetString()));
            var commitmentId = commitment.GetProperty("id").GetString()!;
            AssertOk(await Mutate("reportImprovementProgress", "ReportImprovementProgressInput", new { commitmentId, status = "ON_TRACK", percentComplete = 30, note = "Rubric drafted." }, CommitmentSelection, leader));
            AssertError(await Mutate("reportImprovementProgress", "ReportImprovementProgressInput", new { commitmentId, status = "DONE" }, CommitmentSelection, Staff(first.District)),
                "NotAuthorizedError", "NOT_AUTHORIZED", "input", "commitmentId");
            var followUps = await Node(visitId, "... on PeerVisit { followUps { title status progress { status percentComplete } } }", leader);
            var followUp = Assert.Single(followUps.GetProperty("followUps").EnumerateArray());
            Assert.Equal(("ON_TRACK", 30), (followUp.GetProperty("status").GetString(), followUp.GetProperty("progress")[0].GetProperty("percentComplete").GetInt32()));

            var made = await Node(first.SchoolId, "... on School { leagueMemberships { visitsMade { id } } }", leader);
            Assert.Contains(made.GetProperty("leagueMemberships").EnumerateArray().SelectMany(m => m.GetProperty("visitsMade").EnumerateArray()), v => v.GetProperty("id").GetString() == visitId);
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromDays(-14));
        }

        // Sharing a practice, then finding it by stemmed words (no substring of "studies" is in "studying") and by dimension.
        object Practice(string[] dimensions, string[]? grades = null, string[]? links = null) => new
        {
            membershipId = membership, title = "Students studying in peer circles", summary = "Students meet weekly in circles of four to review each other's work against the rubric.",
            whatWorked = "Students give sharper feedback than we expected.", dimensions, gradeLevels = grades ?? ["9", "10"], links = links ?? ["https://riverside.example.org/circles"],
        };
        AssertError(await Mutate("sharePractice", "SharePracticeInput", Practice(["voice"]), "sharedPractice { id }", leader), "ValidationError", "UNKNOWN_DIMENSION", "input", "dimensions", "0");
        AssertError(await Mutate("sharePractice", "SharePracticeInput", Practice(["student-voice"], ["13"]), "sharedPractice { id }", leader), "ValidationError", "INVALID_GRADE", "input", "gradeLevels", "0");
        AssertError(await Mutate("sharePractice", "SharePracticeInput", Practice(["student-voice"], links: ["ftp://riverside.example.org/x"]), "sharedPractice { id }", leader),
            "ValidationError", "INVALID_URL", "input", "links", "0");
        var shared = await Mutate("sharePractice", "SharePracticeInput", Practice(["student-voice", "proficiency-based-learning"], ["k", "9"]), "sharedPractice { id gradeLevels dimensions }", leader);
        AssertOk(shared);
        Assert.Equal(["K", "9"], shared.GetProperty("sharedPractice").GetProperty("gradeLevels").EnumerateArray().Select(g => g.GetString()));
        var practiceId = shared.GetProperty("sharedPractice").GetProperty("id").GetString()!;

        const string Search = "query($id: ID!, $search: String, $dimension: String) { node(id: $id) { ... on League { practices(first: 50, search: $search, dimension: $dimension) { totalCount nodes { id title sharedBy { school { name } } } } } } }";
        async Task<List<string>> Find(string? search, string? dimension = null, string? token = null) =>
            [.. (await server.QueryAsync(Search, new { id = league, search, dimension }, token ?? leader)).GetProperty("node").GetProperty("practices").GetProperty("nodes")
                .EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
        Assert.Contains(practiceId, await Find("studies circle"));
        Assert.Contains(practiceId, await Find("RUBRIC", "proficiency-based-learning"));
        Assert.DoesNotContain(practiceId, await Find("circle", "family-community"));
        Assert.DoesNotContain(practiceId, await Find("circle conferences"));
        // The demo's own: every word must match, stemmed ("conference" finds "conferences").
        var conferences = await Find("family conference", token: Admin);
        Assert.NotEmpty(conferences);
        Assert.DoesNotContain(practiceId, conferences);
        // Search syntax is not the caller's to write: FTS5 operators and stray quotes are words like any other.
        Assert.Empty(await Find("\"NEAR( AND* circle OR studying\"\""));
        // Words up to the limit are searched; one character more is refused with a code, with or without a dimension.
        Assert.Empty(await Find(new string('x', Leagues.PracticeSearch.MaxLength)));
        foreach (var dimension in new[] { null, "student-voice" })
        {
            var (_, refused) = await server.SendAsync(Search, new { id = league, search = new string('x', Leagues.PracticeSearch.MaxLength + 1), dimension }, token: leader);
            var error = JsonDocument.Parse(refused).RootElement.GetProperty("errors")[0];
            Assert.Equal("OUT_OF_RANGE", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(["node", "practices"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        }
        // Peers on a dimension: the school is now working on proficiency-based learning; the demo's schools share on student voice.
        const string Peers = "query($id: ID!, $dimension: String!, $working: Boolean!, $sharing: Boolean!) { node(id: $id) { ... on League { peersOn(dimension: $dimension, working: $working, sharing: $sharing) { membership { id school { name } } latestRating openCommitments practicesShared } } } }";
        async Task<List<JsonElement>> PeersOn(string dimension, bool working, bool sharing) =>
            [.. (await server.QueryAsync(Peers, new { id = league, dimension, working, sharing }, leader)).GetProperty("node").GetProperty("peersOn").EnumerateArray()];
        var working = await PeersOn("proficiency-based-learning", true, false);
        Assert.Contains(working, p => p.GetProperty("membership").GetProperty("id").GetString() == membership && p.GetProperty("openCommitments").GetInt32() == 1);
        Assert.All(working, p => Assert.True(p.GetProperty("openCommitments").GetInt32() > 0));
        var sharingVoice = await PeersOn("student-voice", false, true);
        Assert.True(sharingVoice.Count >= 4);
        Assert.All(sharingVoice, p => Assert.True(p.GetProperty("practicesShared").GetInt32() > 0));
        var mine = Assert.Single(sharingVoice, p => p.GetProperty("membership").GetProperty("id").GetString() == membership);
        Assert.Equal(2, mine.GetProperty("latestRating").GetInt32()); // its self-assessment above
        Assert.True((await PeersOn("student-voice", false, false)).Count >= 19); // every active member, sharing or not
        // Finding a critical friend: the schools that share a practice on the dimension the school rated itself lowest on.
        var voice = (await server.QueryAsync(Search, new { id = league, dimension = "student-voice" }, leader)).GetProperty("node").GetProperty("practices").GetProperty("nodes")
            .EnumerateArray().Select(p => p.GetProperty("sharedBy").GetProperty("school").GetProperty("name").GetString()).Distinct().ToList();
        Assert.True(voice.Count >= 4, string.Join(", ", voice));
    }

    [DatabaseFact]
    public async Task A_leader_acts_for_its_own_school_only_and_no_funder_anonymous_caller_or_other_consortium_reads_a_name()
    {
        var league = await LeagueId();
        var host = await DemoMembership(0);
        var teachers = await Teachers(league);
        var visitor = teachers.First(t => t.District != Riverside);
        var educator = teachers[0].Id;
        // The charter school's principal is in the League, but acts for the charter school alone.
        var charter = server.TokenForSchoolLeader("509990100001");
        AssertError(await Mutate("scheduleVisit", "ScheduleVisitInput", new { hostMembershipId = host, visitOn = "2026-11-02", focusQuestion = "Mine?", visitorIds = new[] { visitor.Id } }, "peerVisit { id }", charter),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "hostMembershipId");
        Assert.Equal(teachers[0].Name, (await Node(educator, "... on Educator { name }", charter)).GetProperty("name").GetString());
        // Beyond the League, a leader reads the directory only.
        var (_, body) = await server.SendAsync("{ partnerships(first: 1) { nodes { name members { role } } } }", token: charter);
        Assert.Contains("NOT_AUTHORIZED", body);
        var directory = await server.QueryAsync("{ partnerships(first: 1) { nodes { name } } districts(first: 1) { nodes { name } } }", token: charter);
        Assert.Equal(1, directory.GetProperty("partnerships").GetProperty("nodes").GetArrayLength());

        // A leader's credential scoped to another consortium, that consortium's admin: the League and its people do not exist.
        // Riverside High School is in the League, and Riverside in both consortia.
        var scoped = server.TokenForSchoolLeader("500031000003", consortia: [UpperValley]);
        Assert.Equal(JsonValueKind.Null, (await Node(educator, "... on Educator { name }", scoped)).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Node(educator, "... on Educator { name }", server.TokenFor("consortium-admin", consortia: [UpperValley]))).ValueKind);
        Assert.All((await server.QueryAsync("{ consortia { leagues { educators(first: 5) { nodes { name } } } } }", token: scoped)).GetProperty("consortia").EnumerateArray(),
            c => Assert.Equal(0, c.GetProperty("leagues").GetArrayLength()));
        // A school leader without a school of the installation reads no League at all.
        var nowhere = server.TokenForSchoolLeader("000000000000");
        Assert.Equal(JsonValueKind.Null, (await Node(educator, "... on Educator { name }", nowhere)).ValueKind);
        // Funders and anonymous callers are refused the names before anything runs.
        foreach (var token in new[] { await server.TokenAsync("funder-1"), PluginTestHost.Anonymous })
        {
            var (_, refused) = await server.SendAsync("query($id: ID!) { node(id: $id) { ... on Educator { name email } } }", new { id = educator }, token: token);
            Assert.Contains("NOT_AUTHORIZED", refused);
            Assert.DoesNotContain(teachers[0].Name, refused);
        }

        // Called off before its day; not twice, and no feedback on it.
        var booked = await Mutate("scheduleVisit", "ScheduleVisitInput", new { hostMembershipId = host, visitOn = "2026-11-02", focusQuestion = "How do advisories run?", visitorIds = new[] { visitor.Id } },
            "peerVisit { id revision }", Admin);
        AssertOk(booked);
        var visitId = booked.GetProperty("peerVisit").GetProperty("id").GetString()!;
        AssertError(await Mutate("cancelVisit", "CancelVisitInput", new { visitId, reason = "Snow.", expectedRevision = booked.GetProperty("peerVisit").GetProperty("revision").GetInt32() + 5 }, "peerVisit { id }", Admin),
            "ConflictError", "CONFLICT");
        var cancelled = await Mutate("cancelVisit", "CancelVisitInput", new { visitId, reason = "Snow day in the host's district." }, "peerVisit { status cancelledOn cancelReason }", Admin);
        AssertOk(cancelled);
        Assert.Equal(("CANCELLED", "2026-10-01"), (cancelled.GetProperty("peerVisit").GetProperty("status").GetString(), cancelled.GetProperty("peerVisit").GetProperty("cancelledOn").GetString()));
        AssertError(await Mutate("cancelVisit", "CancelVisitInput", new { visitId, reason = "Again." }, "peerVisit { id }", Admin), "RuleViolation", "ALREADY_CANCELLED", "input", "visitId");
        server.Clock.Advance(TimeSpan.FromDays(40));
        try
        {
            AssertError(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", new { visitId, educatorId = visitor.Id, strengths = "x" }, "visitFeedback { id }", Admin), "RuleViolation", "CANCELLED", "input", "visitId");
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromDays(-40));
        }
    }

    [DatabaseFact]
    public async Task Visits_feedback_and_practices_of_every_school_read_in_constant_statements()
    {
        var league = await LeagueId();
        const string page = """
            query($id: ID!, $status: [LeagueMembershipStatus!]) { node(id: $id) { ... on League {
              members(status: $status) { school { name } visitsHosted { focusQuestion visitors { name school { name } } feedback { strengths givenBy { name } } }
                visitsMade { visitOn } feedbackReceived { suggestions } practices { title dimensions } }
              visits(first: 20) { totalCount nodes { host { school { name } } visitors { role } } }
              practices(first: 20, search: "students") { totalCount nodes { title } } } } }
            """;
        var before = server.Statements;
        var all = (await server.QueryAsync(page, new { id = league, status = new[] { "ACTIVE", "PENDING" } }, Admin)).GetProperty("node");
        var many = server.Statements - before;
        before = server.Statements;
        await server.QueryAsync(page, new { id = league, status = new[] { "PENDING" } }, Admin);
        Assert.True(server.Statements - before <= many, $"{server.Statements - before} statements for one school, {many} for twenty");
        Assert.True(many <= 20, $"{many} statements");

        // The demo: a dozen visits (ten held with feedback, two to come), fifteen practices, visitors across districts.
        var members = all.GetProperty("members").EnumerateArray().ToList();
        Assert.True(all.GetProperty("visits").GetProperty("totalCount").GetInt32() >= 12);
        Assert.True(members.Sum(m => m.GetProperty("visitsHosted").GetArrayLength()) >= 12);
        Assert.True(members.Sum(m => m.GetProperty("feedbackReceived").GetArrayLength()) >= 20);
        Assert.True(members.Sum(m => m.GetProperty("practices").GetArrayLength()) >= 15);
        Assert.True(members.Count(m => m.GetProperty("visitsMade").GetArrayLength() > 0) >= 5);
    }

    [DatabaseFact]
    public async Task Fifty_bookings_of_one_day_make_one_visit_and_fifty_submissions_one_feedback()
    {
        var league = await LeagueId();
        var host = await DemoMembership(1);
        var visitor = (await Teachers(league)).First(t => t.District != Riverside);
        // Today: held at once, so feedback may follow.
        var booked = await Race.RunAsync(50, i => Mutate("scheduleVisit", "ScheduleVisitInput",
            new { hostMembershipId = host, visitOn = "2026-10-01", focusQuestion = $"Question {i}?", visitorIds = new[] { visitor.Id } }, "peerVisit { id }", Admin));
        Assert.Equal(1, booked.Count(o => o == "OK"));
        Assert.All(booked.Where(o => o != "OK"), o => Assert.Equal("DUPLICATE_DAY", o));
        var visits = (await Node(host, "... on LeagueMembership { visitsHosted { id visitOn } }", Admin)).GetProperty("visitsHosted").EnumerateArray()
            .Where(v => v.GetProperty("visitOn").GetString() == "2026-10-01").ToList();
        var visitId = Assert.Single(visits).GetProperty("id").GetString()!;

        var staff = Staff(visitor.District);
        var given = await Race.RunAsync(50, i => Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", new { visitId, educatorId = visitor.Id, strengths = $"Strength {i}." }, "visitFeedback { id }", staff));
        Assert.Equal(1, given.Count(o => o == "OK"));
        Assert.All(given.Where(o => o != "OK"), o => Assert.Equal("ALREADY_GIVEN", o));
        Assert.Single((await Node(visitId, "... on PeerVisit { feedback { id } }", Admin)).GetProperty("feedback").EnumerateArray());
    }

    [DatabaseFact]
    public async Task Fifty_progress_reports_at_once_serialize_and_none_lands_after_done()
    {
        var host = await DemoMembership(2);
        var committed = await Mutate("commitToImprove", "CommitToImproveInput", new { membershipId = host, title = "Student panels in every hiring", dimensions = new[] { "student-voice" } },
            "improvementCommitment { id }", Admin);
        AssertOk(committed);
        var commitmentId = committed.GetProperty("improvementCommitment").GetProperty("id").GetString()!;
        var outcomes = await Race.RunAsync(50, i => Mutate("reportImprovementProgress", "ReportImprovementProgressInput", new { commitmentId, status = "DONE", note = $"Report {i}" }, "improvementCommitment { id }", Admin));
        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Equal("COMMITMENT_CLOSED", o));
        var stored = await Node(commitmentId, "... on ImprovementCommitment { status progress { status } }", Admin);
        Assert.Equal(("DONE", 1), (stored.GetProperty("status").GetString(), stored.GetProperty("progress").GetArrayLength()));
    }

    [DatabaseFact]
    public async Task Fifty_at_once_form_one_group_hold_one_meeting_a_day_end_one_membership_cancel_one_visit_and_lose_no_attendance()
    {
        var league = await LeagueId();
        var principals = (await Node(league, "... on League { educators(first: 100, role: PRINCIPAL) { nodes { id } } }", Admin)).GetProperty("educators").GetProperty("nodes")
            .EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

        // One name, one group (a unique key under the read check).
        const string name = "Rural principals' circle";
        var formed = await Race.RunAsync(50, i => Mutate("formLearningGroup", "FormLearningGroupInput",
            new { leagueId = league, name, focus = $"Focus {i}", memberIds = principals.Take(3).ToArray() }, "learningGroup { id }", Admin));
        Assert.Equal(1, formed.Count(o => o == "OK"));
        Assert.All(formed.Where(o => o != "OK"), o => Assert.Equal("DUPLICATE_NAME", o));
        var groupId = Assert.Single((await Node(league, "... on League { learningGroups { id name } }", Admin)).GetProperty("learningGroups").EnumerateArray(),
            g => g.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

        // One meeting a day, and one leaving per member.
        var met = await Race.RunAsync(50, i => Mutate("recordLearningGroupMeeting", "RecordLearningGroupMeetingInput",
            new { groupId, metOn = "2026-10-01", topic = $"Topic {i}", attendeeIds = principals.Take(2).ToArray() }, "learningGroup { id }", Admin));
        Assert.Equal(1, met.Count(o => o == "OK"));
        Assert.All(met.Where(o => o != "OK"), o => Assert.Equal("DUPLICATE_DAY", o));
        var left = await Race.RunAsync(50, _ => Mutate("leaveLearningGroup", "LearningGroupMembershipInput", new { groupId, educatorId = principals[2] }, "learningGroup { id }", Admin));
        Assert.Equal(1, left.Count(o => o == "OK"));
        Assert.All(left.Where(o => o != "OK"), o => Assert.Equal("NOT_A_MEMBER", o));
        var group = await Node(groupId, "... on LearningGroup { members { id } meetings { attendance } }", Admin);
        Assert.Equal((2, 1), (group.GetProperty("members").GetArrayLength(), group.GetProperty("meetings").GetArrayLength()));

        // A visit to come, called off once.
        var host = await DemoMembership(4);
        var visitor = (await Teachers(league)).First(t => t.District != Riverside);
        var booked = await Mutate("scheduleVisit", "ScheduleVisitInput", new { hostMembershipId = host, visitOn = "2026-11-18", focusQuestion = "How do advisories run?", visitorIds = new[] { visitor.Id } }, "peerVisit { id }", Admin);
        AssertOk(booked);
        var visitId = booked.GetProperty("peerVisit").GetProperty("id").GetString()!;
        var cancelled = await Race.RunAsync(50, i => Mutate("cancelVisit", "CancelVisitInput", new { visitId, reason = $"Snow day {i}" }, "peerVisit { id }", Admin));
        Assert.Equal(1, cancelled.Count(o => o == "OK"));
        Assert.All(cancelled.Where(o => o != "OK"), o => Assert.Equal("ALREADY_CANCELLED", o));

        // Attendance of one team written fifty times at once: each save counted on the convening's revision, none lost.
        var convening = (await Node(league, "... on League { convenings(first: 10) { nodes { id heldOn revision registrations { teamSize membership { id } } } } }", Admin))
            .GetProperty("convenings").GetProperty("nodes").EnumerateArray().First(c => string.CompareOrdinal(c.GetProperty("heldOn").GetString(), "2026-10-01") < 0
                && c.GetProperty("registrations").GetArrayLength() > 0);
        var conveningId = convening.GetProperty("id").GetString()!;
        var team = convening.GetProperty("registrations")[0];
        var size = team.GetProperty("teamSize").GetInt32();
        var attendance = await Race.RunAsync(50, i => Mutate("recordConveningAttendance", "RecordConveningAttendanceInput",
            new { conveningId, teams = new[] { new { membershipId = team.GetProperty("membership").GetProperty("id").GetString(), attended = i % (size + 1) } } }, "convening { id }", Admin));
        Assert.All(attendance, o => Assert.Equal("OK", o));
        var stored = await Node(conveningId, "... on Convening { revision registrations { attended } }", Admin);
        Assert.Equal(convening.GetProperty("revision").GetInt32() + 50, stored.GetProperty("revision").GetInt32());
    }

    [DatabaseFact]
    public async Task A_school_hears_of_visits_booked_with_it_feedback_given_it_and_practices_on_the_dimensions_it_follows_and_no_one_else_does()
    {
        var league = await LeagueId();
        var host = await DemoMembership(3);
        var school = (await Node(host, "... on LeagueMembership { school { code } }", Admin)).GetProperty("school").GetProperty("code").GetString()!;
        var visitor = (await Teachers(league)).First(t => t.District != Riverside);
        await using var leader = await GraphQLWebSocketClient.ConnectAsync(server, server.TokenForSchoolLeader(school));
        await using var elsewhere = await GraphQLWebSocketClient.ConnectAsync(server, server.TokenForSchoolLeader("500031000003", consortia: [UpperValley]));
        await using var funder = await GraphQLWebSocketClient.ConnectAsync(server, await server.TokenAsync("funder-1"));
        var visits = $$"""subscription { visitScheduled(hostMembershipId: "{{host}}") { focusQuestion host { id } visitors { name } } }""";
        var feedback = $$"""subscription { visitFeedbackGiven(hostMembershipId: "{{host}}") { feedback { strengths givenBy { name } } } }""";
        var practices = """subscription { practiceShared(dimension: "family-community") { title dimensions } }""";
        foreach (var (id, query) in new[] { ("visits", visits), ("feedback", feedback), ("practices", practices) })
        {
            await leader.SendAsync(new { id, type = "subscribe", payload = new { query } });
            await elsewhere.SendAsync(new { id, type = "subscribe", payload = new { query } });
        }
        // A funder may not subscribe to the League at all.
        await funder.SendAsync(new { id = "visits", type = "subscribe", payload = new { query = visits } });
        var refused = (await funder.ReceiveAsync())!.Value;
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Contains("NOT_AUTHORIZED", refused.ToString());
        await Task.Delay(300); // the subscriptions are registered

        var booked = await Mutate("scheduleVisit", "ScheduleVisitInput", new { hostMembershipId = host, visitOn = "2026-10-01", focusQuestion = "How do advisories run?", visitorIds = new[] { visitor.Id } },
            "peerVisit { id }", Admin);
        AssertOk(booked);
        var next = (await leader.ReceiveAsync())!.Value;
        Assert.Equal(("visits", "How do advisories run?"), (next.GetProperty("id").GetString(), next.GetProperty("payload").GetProperty("data").GetProperty("visitScheduled").GetProperty("focusQuestion").GetString()));

        AssertOk(await Mutate("giveVisitFeedback", "GiveVisitFeedbackInput", new { visitId = booked.GetProperty("peerVisit").GetProperty("id").GetString(), educatorId = visitor.Id, strengths = "Advisors know every student." },
            "visitFeedback { id }", Staff(visitor.District)));
        next = (await leader.ReceiveAsync())!.Value;
        Assert.Equal("feedback", next.GetProperty("id").GetString());
        Assert.Equal("Advisors know every student.", next.GetProperty("payload").GetProperty("data").GetProperty("visitFeedbackGiven").GetProperty("feedback")[0].GetProperty("strengths").GetString());

        // A practice on another dimension is not one the school follows; one on family partnership is.
        foreach (var (title, dimension) in new[] { ("Hiring panels", "student-voice"), ("Family dinners", "family-community") })
            AssertOk(await Mutate("sharePractice", "SharePracticeInput", new { membershipId = host, title, summary = "What we do.", dimensions = new[] { dimension } }, "sharedPractice { id }", Admin));
        next = (await leader.ReceiveAsync())!.Value;
        Assert.Equal(("practices", "Family dinners"), (next.GetProperty("id").GetString(), next.GetProperty("payload").GetProperty("data").GetProperty("practiceShared").GetProperty("title").GetString()));

        // Outside the League's consortium, nothing arrived: the next message is the pong.
        await Task.Delay(500);
        await elsewhere.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await elsewhere.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await leader.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await leader.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [DatabaseFact]
    public async Task Teams_register_for_a_convening_within_its_capacity_and_their_attendance_is_recorded_after_the_day()
    {
        var league = await LeagueId();
        object Plan(string heldOn, string scope = "REGIONAL", string? state = null, string? place = "Concord, NH", bool online = false, int? capacity = 10, string[]? dimensions = null) =>
            new { leagueId = league, title = "Shared leadership in practice", scope, state, heldOn, place, online, capacity, dimensions = dimensions ?? ["shared-leadership"] };
        const string Selection = "convening { id revision registered attended registrations { teamSize attended membership { id } } }";
        AssertError(await Mutate("planConvening", "PlanConveningInput", Plan("2026-09-30"), Selection, Admin), "ValidationError", "IN_THE_PAST", "input", "heldOn");
        AssertError(await Mutate("planConvening", "PlanConveningInput", Plan("2026-11-05", place: null), Selection, Admin), "ValidationError", "REQUIRED", "input", "place");
        AssertError(await Mutate("planConvening", "PlanConveningInput", Plan("2026-11-05", scope: "STATE"), Selection, Admin), "ValidationError", "REQUIRED", "input", "state");
        AssertError(await Mutate("planConvening", "PlanConveningInput", Plan("2026-11-05", dimensions: ["leadership"]), Selection, Admin), "ValidationError", "UNKNOWN_DIMENSION", "input", "dimensions", "0");
        var planned = await Mutate("planConvening", "PlanConveningInput", Plan("2026-11-05"), Selection, Admin);
        AssertOk(planned);
        var conveningId = planned.GetProperty("convening").GetProperty("id").GetString()!;
        var nh = await Mutate("planConvening", "PlanConveningInput", Plan("2026-11-06", scope: "STATE", state: "nh", place: null, online: true), Selection, Admin);
        AssertOk(nh);

        // The principal registers its own school's team, and no other; a Vermont school is not for New Hampshire's convening.
        var leader = server.TokenForSchoolLeader("500031000003");
        var members = (await Node(league, "... on League { members(status: [ACTIVE]) { id school { code } } }", Admin)).GetProperty("members").EnumerateArray()
            .Select(m => (Id: m.GetProperty("id").GetString()!, Code: m.GetProperty("school").GetProperty("code").GetString()!)).ToList();
        var riverside = members.Single(m => m.Code == "500031000003").Id;
        AssertError(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId = nh.GetProperty("convening").GetProperty("id").GetString(), membershipId = riverside, teamSize = 2 }, Selection, leader),
            "RuleViolation", "OTHER_STATE", "input", "membershipId");
        AssertError(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId, membershipId = members.First(m => m.Id != riverside).Id, teamSize = 2 }, Selection, leader),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "membershipId");
        AssertError(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId, membershipId = riverside, teamSize = 21 }, Selection, leader), "ValidationError", "OUT_OF_RANGE", "input", "teamSize");
        AssertOk(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId, membershipId = riverside, teamSize = 3 }, Selection, leader));
        AssertError(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId, membershipId = riverside, teamSize = 1 }, Selection, leader), "RuleViolation", "ALREADY_REGISTERED", "input", "membershipId");

        // Fifty registrations at once for the seven places left, by the other schools (some twice): seven teams of one get in.
        var others = members.Where(m => m.Id != riverside).ToList();
        var outcomes = await Race.RunAsync(50, i => Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId, membershipId = others[i % others.Count].Id, teamSize = 1 }, "convening { id }", Admin));
        Assert.Equal(7, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Contains(o, new[] { "FULL", "ALREADY_REGISTERED" }));
        var full = await Node(conveningId, "... on Convening { registered capacity registrations { teamSize membership { id } } }", Admin);
        Assert.Equal((10, 8), (full.GetProperty("registered").GetInt32(), full.GetProperty("registrations").GetArrayLength()));
        var team = full.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("membership").GetProperty("id").GetString()!).First(id => id != riverside);

        // Attendance follows the day.
        object Attendance(params (string Membership, int Attended)[] teams) => new { conveningId, teams = teams.Select(t => new { membershipId = t.Membership, attended = t.Attended }).ToArray() };
        AssertError(await Mutate("recordConveningAttendance", "RecordConveningAttendanceInput", Attendance((riverside, 3)), Selection, Admin), "RuleViolation", "NOT_YET", "input", "conveningId");
        server.Clock.Advance(TimeSpan.FromDays(40));
        try
        {
            AssertError(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId = nh.GetProperty("convening").GetProperty("id").GetString(), membershipId = others[0].Id, teamSize = 1 }, Selection, Admin),
                "RuleViolation", "REGISTRATION_CLOSED", "input", "conveningId");
            var unregistered = others.First(o => full.GetProperty("registrations").EnumerateArray().All(r => r.GetProperty("membership").GetProperty("id").GetString() != o.Id)).Id;
            AssertError(await Mutate("recordConveningAttendance", "RecordConveningAttendanceInput", Attendance((unregistered, 1)), Selection, Admin), "ValidationError", "NOT_REGISTERED", "input", "teams", "0", "membershipId");
            AssertError(await Mutate("recordConveningAttendance", "RecordConveningAttendanceInput", Attendance((riverside, 4)), Selection, Admin), "ValidationError", "OUT_OF_RANGE", "input", "teams", "0", "attended");
            var recorded = await Mutate("recordConveningAttendance", "RecordConveningAttendanceInput", Attendance((riverside, 2), (team, 1)), Selection, Admin);
            AssertOk(recorded);
            Assert.Equal(3, recorded.GetProperty("convening").GetProperty("attended").GetInt32());
            var mine = await Node(riverside, "... on LeagueMembership { convenings { attended teamSize convening { title } } }", leader);
            Assert.Contains(mine.GetProperty("convenings").EnumerateArray(), r => r.GetProperty("attended").ValueKind == JsonValueKind.Number && r.GetProperty("attended").GetInt32() == 2);
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromDays(-40));
        }

        // The demo's: four convenings, three with attendance.
        var demo = (await Node(league, "... on League { convenings(first: 20) { totalCount nodes { title attended registered } } }", Admin)).GetProperty("convenings");
        Assert.True(demo.GetProperty("totalCount").GetInt32() >= 4);
        Assert.True(demo.GetProperty("nodes").EnumerateArray().Count(c => c.GetProperty("attended").ValueKind == JsonValueKind.Number) >= 3);
    }

    [DatabaseFact]
    public async Task Principals_form_learning_groups_join_and_leave_them_through_those_who_act_for_them_and_meet()
    {
        var league = await LeagueId();
        var principals = (await Node(league, "... on League { educators(first: 100, role: PRINCIPAL) { nodes { id school { code } } } }", Admin)).GetProperty("educators").GetProperty("nodes")
            .EnumerateArray().Select(e => (Id: e.GetProperty("id").GetString()!, School: e.GetProperty("school").GetProperty("code").GetString()!)).ToList();
        var riverside = principals.First(p => p.School == "500031000003").Id;
        var others = principals.Where(p => p.School != "500031000003").Select(p => p.Id).ToList();
        var name = $"Principals' circle {Guid.NewGuid():N}";
        const string Selection = "learningGroup { id revision members { id } meetings { metOn attendance attendees { id } } }";
        var formed = await Mutate("formLearningGroup", "FormLearningGroupInput", new { leagueId = league, name, focus = "Schedules that make room for flexible learning time.", dimensions = new[] { "personalized-learning" }, memberIds = others.Take(2) },
            Selection, Admin);
        AssertOk(formed);
        var groupId = formed.GetProperty("learningGroup").GetProperty("id").GetString()!;
        Assert.Equal(2, formed.GetProperty("learningGroup").GetProperty("members").GetArrayLength());
        AssertError(await Mutate("formLearningGroup", "FormLearningGroupInput", new { leagueId = league, name, focus = "Again." }, Selection, Admin), "RuleViolation", "DUPLICATE_NAME", "input", "name");
        AssertError(await Mutate("formLearningGroup", "FormLearningGroupInput", new { leagueId = league, name = name + " 2", focus = "Twice.", memberIds = new[] { others[0], others[0] } }, Selection, Admin),
            "ValidationError", "DUPLICATE_MEMBER", "input", "memberIds", "1");

        // Riverside High School's leader brings its own principal in, and no one else's.
        var leader = server.TokenForSchoolLeader("500031000003");
        AssertOk(await Mutate("joinLearningGroup", "LearningGroupMembershipInput", new { groupId, educatorId = riverside }, Selection, leader));
        AssertError(await Mutate("joinLearningGroup", "LearningGroupMembershipInput", new { groupId, educatorId = riverside }, Selection, leader), "RuleViolation", "ALREADY_MEMBER", "input", "educatorId");
        AssertError(await Mutate("joinLearningGroup", "LearningGroupMembershipInput", new { groupId, educatorId = others[5] }, Selection, leader), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "educatorId");

        // Fifty requests for one principal at once: one membership.
        var outcomes = await Race.RunAsync(50, _ => Mutate("joinLearningGroup", "LearningGroupMembershipInput", new { groupId, educatorId = others[3] }, "learningGroup { id }", Admin));
        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Equal("ALREADY_MEMBER", o));
        Assert.Equal(4, (await Node(groupId, "... on LearningGroup { members { id } }", Admin)).GetProperty("members").GetArrayLength());

        // It meets: members on the day only, one meeting a day, nothing ahead of time.
        object Meeting(string metOn, params string[] attendeeIds) => new { groupId, metOn, topic = "Master schedules", notes = "Bring this year's schedule.", attendeeIds };
        AssertError(await Mutate("recordLearningGroupMeeting", "RecordLearningGroupMeetingInput", Meeting("2026-10-02", riverside), Selection, Admin), "ValidationError", "DATE_IN_FUTURE", "input", "metOn");
        AssertError(await Mutate("recordLearningGroupMeeting", "RecordLearningGroupMeetingInput", Meeting("2026-10-01", riverside, others[6]), Selection, Admin), "ValidationError", "NOT_A_MEMBER", "input", "attendeeIds", "1");
        var met = await Mutate("recordLearningGroupMeeting", "RecordLearningGroupMeetingInput", Meeting("2026-10-01", riverside, others[0], others[3]), Selection, Admin);
        AssertOk(met);
        Assert.Equal(3, met.GetProperty("learningGroup").GetProperty("meetings")[0].GetProperty("attendance").GetInt32());
        AssertError(await Mutate("recordLearningGroupMeeting", "RecordLearningGroupMeetingInput", Meeting("2026-10-01", riverside), Selection, Admin), "RuleViolation", "DUPLICATE_DAY", "input", "metOn");

        // Leaving keeps the meetings the principal came to.
        AssertOk(await Mutate("leaveLearningGroup", "LearningGroupMembershipInput", new { groupId, educatorId = riverside }, Selection, leader));
        AssertError(await Mutate("leaveLearningGroup", "LearningGroupMembershipInput", new { groupId, educatorId = riverside }, Selection, leader), "RuleViolation", "NOT_A_MEMBER", "input", "educatorId");
        var after = await Node(groupId, "... on LearningGroup { members { id } meetings { attendees { id } } }", Admin);
        Assert.DoesNotContain(after.GetProperty("members").EnumerateArray(), m => m.GetProperty("id").GetString() == riverside);
        Assert.Contains(after.GetProperty("meetings")[0].GetProperty("attendees").EnumerateArray(), a => a.GetProperty("id").GetString() == riverside);

        // The demo's two principals' circles, six meetings each.
        var demo = (await Node(league, "... on League { learningGroups { name members { id } meetings { attendance } } }", leader)).GetProperty("learningGroups").EnumerateArray()
            .Where(g => g.GetProperty("name").GetString()!.StartsWith("Principals' circle:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, demo.Count);
        Assert.All(demo, g => Assert.Equal(6, g.GetProperty("meetings").GetArrayLength()));
    }

    [DatabaseFact]
    public async Task Booking_warns_of_a_team_from_the_hosts_district_and_a_day_out_of_session_and_refuses_a_pending_schools_visitor()
    {
        var league = await LeagueId();
        var members = (await Node(league, "... on League { members { id status school { id district { code } } } }", Admin)).GetProperty("members").EnumerateArray()
            .Select(m => (Id: m.GetProperty("id").GetString()!, Status: m.GetProperty("status").GetString()!, School: m.GetProperty("school").GetProperty("id").GetString()!,
                District: m.GetProperty("school").GetProperty("district").GetProperty("code").GetString()!)).ToList();
        var teachers = await Teachers(league);
        // A district with two active member schools: one hosts, the other's teacher visits.
        var (host, neighbour) = members.Where(m => m.Status == "ACTIVE").GroupBy(m => m.District).Where(g => g.Count() >= 2).Select(g => (g.First(), g.Last())).First();
        var sameDistrict = teachers.First(t => t.SchoolId == neighbour.School);
        var elsewhere = teachers.First(t => t.District != host.District && members.Any(m => m.School == t.SchoolId && m.Status == "ACTIVE"));
        var pending = teachers.First(t => members.Any(m => m.School == t.SchoolId && m.Status == "PENDING"));
        object Visit(string day, params string[] visitorIds) => new { hostMembershipId = host.Id, visitOn = day, focusQuestion = "How do advisories run?", visitorIds };
        const string Selection = "peerVisit { id }";

        AssertError(await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-20", elsewhere.Id, pending.Id), Selection, Admin), "RuleViolation", "NOT_ACTIVE", "input", "visitorIds", "1");
        var nearby = await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-20", sameDistrict.Id), Selection, Admin);
        AssertOk(nearby);
        Assert.Equal(["SAME_DISTRICT"], nearby.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        // The Wednesday before Thanksgiving is out of session in every member district's published calendar; a visitor from elsewhere raises no SAME_DISTRICT.
        var holiday = await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-11-25", elsewhere.Id), Selection, Admin);
        AssertOk(holiday);
        var warning = Assert.Single(holiday.GetProperty("warnings").EnumerateArray());
        Assert.Equal("NOT_IN_SESSION", warning.GetProperty("code").GetString());
        Assert.Equal(["input", "visitOn"], warning.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        var clear = await Mutate("scheduleVisit", "ScheduleVisitInput", Visit("2026-10-21", elsewhere.Id), Selection, Admin);
        AssertOk(clear);
        Assert.Equal(0, clear.GetProperty("warnings").GetArrayLength());
    }

    [DatabaseFact]
    public async Task Staff_of_a_district_in_two_consortia_act_for_its_league_school_and_not_through_the_other_consortium()
    {
        var league = await LeagueId();
        var members = (await Node(league, "... on League { members(status: [ACTIVE]) { id school { id code } } }", Admin)).GetProperty("members").EnumerateArray()
            .Select(m => (Id: m.GetProperty("id").GetString()!, School: m.GetProperty("school").GetProperty("id").GetString()!, Code: m.GetProperty("school").GetProperty("code").GetString()!)).ToList();
        var riverside = members.Single(m => m.Code == "500031000003");
        var other = members.First(m => m.Code != "500031000003");
        var staff = Staff(Riverside); // Riverside is in Northern and Upper Valley; the League is Northern's

        AssertOk(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "Rita Riverside", role = "TEACHER", schoolId = riverside.School }, "educator { id }", staff));
        AssertOk(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "Sam Superintendent", role = "SUPERINTENDENT", districtId = await server.DistrictIdAsync(Riverside) }, "educator { id }", staff));
        AssertError(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "Not Ours", role = "TEACHER", schoolId = other.School }, "educator { id }", staff),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "schoolId");
        // Fifty adding the same person at once (the address however capitalized): one educator.
        var added = await Race.RunAsync(50, i => Mutate("addEducator", "AddEducatorInput",
            new { leagueId = league, name = "Pat Newcomer", role = "TEACHER", schoolId = riverside.School, email = i % 2 == 0 ? "pat.newcomer@riverside.example.org" : "Pat.Newcomer@Riverside.example.org" }, "educator { id }", staff));
        Assert.Equal(1, added.Count(o => o == "OK"));
        Assert.All(added.Where(o => o != "OK"), o => Assert.Equal("DUPLICATE_EMAIL", o));
        var (outside, _) = await NewSchool();
        AssertError(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "Not Yet", role = "TEACHER", schoolId = outside }, "educator { id }", staff),
            "RuleViolation", "NOT_IN_LEAGUE", "input", "schoolId");
        AssertError(await Mutate("addEducator", "AddEducatorInput", new { leagueId = league, name = "State Person", role = "STATE_AGENCY_STAFF", state = "V1" }, "educator { id }", Admin),
            "ValidationError", "INVALID_CODE", "input", "state");
        AssertOk(await Mutate("sharePractice", "SharePracticeInput", new { membershipId = riverside.Id, title = "Bus-time reading", summary = "Reading circles on the long rural bus rides.", dimensions = new[] { "personalized-learning" } },
            "sharedPractice { id }", staff));

        // A convening today: the team registers, and one team reported twice is refused.
        var planned = await Mutate("planConvening", "PlanConveningInput", new { leagueId = league, title = "Rural pathways", scope = "REGIONAL", heldOn = "2026-10-01", online = true }, "convening { id }", Admin);
        AssertOk(planned);
        var conveningId = planned.GetProperty("convening").GetProperty("id").GetString()!;
        AssertOk(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId, membershipId = riverside.Id, teamSize = 2 }, "convening { id }", staff));
        AssertError(await Mutate("recordConveningAttendance", "RecordConveningAttendanceInput",
            new { conveningId, teams = new[] { new { membershipId = riverside.Id, attended = 2 }, new { membershipId = riverside.Id, attended = 1 } } }, "convening { id }", Admin),
            "ValidationError", "DUPLICATE_TEAM", "input", "teams", "1", "membershipId");

        // The same staff with a credential scoped to Upper Valley: Northern's League is not theirs to act in.
        var scoped = server.TokenFor("district-staff", districts: [Riverside], consortia: [UpperValley]);
        AssertError(await Mutate("sharePractice", "SharePracticeInput", new { membershipId = riverside.Id, title = "Scoped", summary = "x", dimensions = new[] { "personalized-learning" } }, "sharedPractice { id }", scoped),
            "ValidationError", "NOT_FOUND", "input", "membershipId");
        AssertError(await Mutate("registerForConvening", "RegisterForConveningInput", new { conveningId, membershipId = riverside.Id, teamSize = 1 }, "convening { id }", scoped),
            "ValidationError", "NOT_FOUND", "input", "conveningId");
    }
}

public sealed class SqliteLeagueNetworkTests(SqliteServer server) : LeagueNetworkTests<SqliteServer>(server);

public sealed class PostgreSqlLeagueNetworkTests(PostgreSqlServer server) : LeagueNetworkTests<PostgreSqlServer>(server), IPostgreSqlSuite;
