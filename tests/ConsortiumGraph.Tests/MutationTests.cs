using System.Text.Json;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>Every mutation's success, and each consortium rule refusing what it should with a typed error and nothing stored.</summary>
public abstract class MutationTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private const string PartnershipFields = "id name status revision members { role district { code } } agreement { id version fullySigned effectiveOn revision } fiscalAgent { code }";

    private async Task<string> DistrictId(string code) =>
        (await server.QueryAsync("query($c: String!) { district(code: $c) { id } }", new { c = code })).GetProperty("district").GetProperty("id").GetString()!;

    private async Task<string> ConsortiumId(string name) =>
        (await server.QueryAsync("{ consortia { id name } }")).GetProperty("consortia").EnumerateArray()
            .First(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private Task<string> Northern() => ConsortiumId("Northern New England Rural Schools Consortium");

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection)
    {
        var data = await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", new { input });
        return data.GetProperty(field);
    }

    private async Task<int> Count<T>() where T : class
    {
        await using var db = server.OpenDatabase();
        return await db.Set<T>().CountAsync();
    }

    /// <summary>A new partnership among the given districts (by code), lead first; unique name per call.</summary>
    private async Task<JsonElement> NewPartnership(string[] codes, string? fiscalAgent = null, string kind = "SHARED_SERVICE",
        object[]? rights = null, string? name = null)
    {
        var ids = new List<string>();
        foreach (var code in codes) ids.Add(await DistrictId(code));
        return await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = await Northern(),
            name = name ?? $"Test partnership {Guid.NewGuid():N}",
            kind,
            startsOn = "2027-01-01",
            endsOn = "2027-12-31",
            leadDistrictId = ids[0],
            fiscalAgentId = fiscalAgent is null ? null : await DistrictId(fiscalAgent),
            memberDistrictIds = ids,
            decisionRights = rights ?? [new { area = "budget", rule = "MAJORITY" }],
            agreementTitle = "MOU",
            agreementTerms = "Each member does its part.",
        }, $"partnership {{ {PartnershipFields} }}");
    }

    [DatabaseFact]
    public async Task Creating_a_partnership_proposes_it_with_members_rights_and_a_first_agreement()
    {
        var payload = await NewPartnership(["5000310", "3300820", "2300150"], fiscalAgent: "3300820", kind: "GRANT_PROJECT");
        AssertOk(payload);
        var p = payload.GetProperty("partnership");
        Assert.Equal("PROPOSED", p.GetProperty("status").GetString());
        Assert.Equal(["LEAD", "FISCAL_AGENT", "MEMBER"], p.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("3300820", p.GetProperty("fiscalAgent").GetProperty("code").GetString());
        Assert.Equal(1, p.GetProperty("agreement").GetProperty("version").GetInt32());
        Assert.False(p.GetProperty("agreement").GetProperty("fullySigned").GetBoolean());
    }

    [DatabaseFact]
    public async Task Partnership_rules_are_typed_errors_and_store_nothing()
    {
        var before = await Count<Partnerships.Partnership>();
        var outsider = await DistrictId("2300370");

        AssertError(await NewPartnership(["5000310", "3300820"], fiscalAgent: "2300150"), "RuleViolation", "FISCAL_AGENT_MUST_BE_MEMBER", "input", "fiscalAgentId");
        AssertError(await NewPartnership(["5000310", "3300820"], kind: "GRANT_PROJECT"), "RuleViolation", "FISCAL_AGENT_REQUIRED", "input", "fiscalAgentId");
        AssertError(await NewPartnership(["5000310"]), "RuleViolation", "AT_LEAST_TWO_MEMBERS");
        AssertError(await NewPartnership(["5000310", "3300820"], name: "Regional Bus and Fuel Purchasing"), "RuleViolation", "DUPLICATE_NAME", "input", "name");
        AssertError(await NewPartnership(["5000310", "3300820"], rights: [new { area = "budget", rule = "FISCAL_AGENT" }]), "RuleViolation", "FISCAL_AGENT_REQUIRED");
        AssertError(await NewPartnership(["5000310", "3300820"], rights: [new { area = "budget", rule = "MAJORITY" }, new { area = "Budget", rule = "UNANIMOUS" }]),
            "ValidationError", "DUPLICATE_AREA");

        var upperValley = await ConsortiumId("Upper Valley Professional Learning Network");
        var lead = await DistrictId("5000310");
        var notMember = await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = upperValley, name = "Cross-consortium", kind = "ADVOCACY", leadDistrictId = lead,
            memberDistrictIds = new[] { lead, outsider }, agreementTitle = "MOU", agreementTerms = "Terms",
        }, "partnership { id }");
        AssertError(notMember, "RuleViolation", "DISTRICT_NOT_IN_CONSORTIUM", "input", "memberDistrictIds", "1");
        Assert.Equal(JsonValueKind.Null, notMember.GetProperty("partnership").ValueKind);

        var malformed = await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = "not-an-id", name = " ", kind = "ADVOCACY", leadDistrictId = lead,
            memberDistrictIds = new[] { lead, outsider }, agreementTitle = "MOU", agreementTerms = "Terms",
        }, "partnership { id }");
        AssertError(malformed, "ValidationError", "INVALID_ID", "input", "consortiumId");
        AssertError(malformed, "ValidationError", "REQUIRED", "input", "name");

        Assert.Equal(before, await Count<Partnerships.Partnership>());
    }

    [DatabaseFact]
    public async Task A_partnership_turns_active_when_the_last_member_signs_the_current_agreement()
    {
        var p = (await NewPartnership(["5000420", "3300930"])).GetProperty("partnership");
        var agreement = p.GetProperty("agreement").GetProperty("id").GetString();
        var sign = async (string code, string by) => await Mutate("signAgreement", "SignAgreementInput",
            new { agreementId = agreement, districtId = await DistrictId(code), signedBy = by },
            "agreement { fullySigned effectiveOn signatures { district { code } } partnership { status } } legacy: errors { ... on RuleViolation { legacyCode } }");

        var first = await sign("5000420", "Superintendent A");
        AssertOk(first);
        Assert.Equal("PROPOSED", first.GetProperty("agreement").GetProperty("partnership").GetProperty("status").GetString());
        Assert.False(first.GetProperty("agreement").GetProperty("fullySigned").GetBoolean());

        var outsider = await sign("2300480", "Not a member");
        AssertError(outsider, "RuleViolation", "DISTRICT_MUST_BE_MEMBER", "input", "districtId");
        // The code this mutation answered before the rule was shared, during its deprecation period.
        Assert.Equal("SIGNER_MUST_BE_MEMBER", outsider.GetProperty("legacy")[0].GetProperty("legacyCode").GetString());
        AssertError(await sign("5000420", "Again"), "RuleViolation", "ALREADY_SIGNED");
        AssertError(await sign("3300930", "  "), "ValidationError", "REQUIRED", "input", "signedBy");

        var last = await sign("3300930", "Superintendent B");
        AssertOk(last);
        Assert.Equal("ACTIVE", last.GetProperty("agreement").GetProperty("partnership").GetProperty("status").GetString());
        Assert.True(last.GetProperty("agreement").GetProperty("fullySigned").GetBoolean());
        Assert.Equal("2026-10-01", last.GetProperty("agreement").GetProperty("effectiveOn").GetString());
    }

    [DatabaseFact]
    public async Task Signing_a_superseded_version_is_refused()
    {
        var data = await server.QueryAsync("""{ partnerships(first: 20) { nodes { name agreement { version } } } }""");
        var revised = data.GetProperty("partnerships").GetProperty("nodes").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Shared Speech-Language Pathologist");
        Assert.Equal(2, revised.GetProperty("agreement").GetProperty("version").GetInt32());
        await using var db = server.OpenDatabase();
        var v1 = await db.Agreements.Where(a => a.Partnership.Name == "Shared Speech-Language Pathologist" && a.Version == 1).Select(a => a.Id).SingleAsync();
        var payload = await Mutate("signAgreement", "SignAgreementInput",
            new { agreementId = Graph.GlobalId.Encode("Agreement", v1), districtId = await DistrictId("3300820"), signedBy = "Someone" }, "agreement { id }");
        AssertError(payload, "RuleViolation", "AGREEMENT_SUPERSEDED");
    }

    [DatabaseFact]
    public async Task Joining_respects_one_lead_one_fiscal_agent_and_consortium_membership()
    {
        var p = (await NewPartnership(["2300260", "2300480"], fiscalAgent: "2300480")).GetProperty("partnership");
        var id = p.GetProperty("id").GetString();
        var join = async (string code, string role) => await Mutate("joinPartnership", "JoinPartnershipInput",
            new { partnershipId = id, districtId = await DistrictId(code), role }, "partnership { members { role district { code } } }");

        AssertError(await join("2300370", "FISCAL_AGENT"), "RuleViolation", "FISCAL_AGENT_EXISTS", "input", "role");
        AssertError(await join("2300370", "LEAD"), "RuleViolation", "LEAD_EXISTS");
        AssertError(await join("2300260", "MEMBER"), "RuleViolation", "ALREADY_MEMBER");
        var ok = await join("2300370", "MEMBER");
        AssertOk(ok);
        Assert.Equal(3, ok.GetProperty("partnership").GetProperty("members").GetArrayLength());
    }

    [DatabaseFact]
    public async Task Commitments_come_only_from_members_and_their_own_schools()
    {
        var p = (await NewPartnership(["5000530", "3301040"])).GetProperty("partnership");
        var id = p.GetProperty("id").GetString();
        var schools = await server.QueryAsync("""{ a: district(code: "5000530") { schools { nodes { id } } } b: district(code: "3301040") { schools { nodes { id } } } }""");
        var ownSchool = schools.GetProperty("a").GetProperty("schools").GetProperty("nodes")[0].GetProperty("id").GetString();
        var otherSchool = schools.GetProperty("b").GetProperty("schools").GetProperty("nodes")[0].GetProperty("id").GetString();
        var create = async (string code, string? schoolId, decimal dollars) => await Mutate("createCommitment", "CreateCommitmentInput",
            new { partnershipId = id, districtId = await DistrictId(code), schoolId, title = "Host the spring workshop", dueOn = "2027-04-01", dollars },
            "commitment { id title status dollars school { id } district { code } partnership { id } }");
        var before = await Count<Commitments.Commitment>();

        AssertError(await create("2300260", null, 100), "RuleViolation", "DISTRICT_MUST_BE_MEMBER", "input", "districtId");
        AssertError(await create("5000530", otherSchool, 100), "RuleViolation", "SCHOOL_MUST_BELONG_TO_DISTRICT", "input", "schoolId");
        AssertError(await create("5000530", null, -5), "ValidationError", "OUT_OF_RANGE", "input", "dollars");
        Assert.Equal(before, await Count<Commitments.Commitment>());

        var ok = await create("5000530", ownSchool, 2500.50m);
        AssertOk(ok);
        var commitment = ok.GetProperty("commitment");
        Assert.Equal("PLANNED", commitment.GetProperty("status").GetString());
        Assert.Equal(2500.50m, commitment.GetProperty("dollars").GetDecimal());
        Assert.Equal(ownSchool, commitment.GetProperty("school").GetProperty("id").GetString());
        Assert.Equal(before + 1, await Count<Commitments.Commitment>());
    }

    [DatabaseFact]
    public async Task Progress_reports_set_the_status_until_the_commitment_is_closed()
    {
        var p = (await NewPartnership(["5000640", "3300710"])).GetProperty("partnership");
        var created = await Mutate("createCommitment", "CreateCommitmentInput",
            new { partnershipId = p.GetProperty("id").GetString(), districtId = await DistrictId("5000640"), title = "Release two coaches" }, "commitment { id }");
        var id = created.GetProperty("commitment").GetProperty("id").GetString();
        var report = (string status, int percent) => Mutate("reportProgress", "ReportProgressInput",
            new { commitmentId = id, status, percentComplete = percent, note = "Weekly check-in" }, "commitment { status progress { status percentComplete note } }");

        AssertError(await report("ON_TRACK", 150), "ValidationError", "OUT_OF_RANGE", "input", "percentComplete");
        AssertOk(await report("ON_TRACK", 40));
        var done = await report("DONE", 100);
        AssertOk(done);
        Assert.Equal("DONE", done.GetProperty("commitment").GetProperty("status").GetString());
        Assert.Equal(["ON_TRACK", "DONE"], done.GetProperty("commitment").GetProperty("progress").EnumerateArray().Select(u => u.GetProperty("status").GetString()));
        AssertError(await report("AT_RISK", 90), "RuleViolation", "COMMITMENT_CLOSED");
    }

    private async Task<(string Decision, Dictionary<string, string> Districts)> Propose(string rule, string[] codes, string? fiscalAgent = null, int hours = 72)
    {
        var p = (await NewPartnership(codes, fiscalAgent, rights: [new { area = "staffing", rule }])).GetProperty("partnership");
        var proposed = await Mutate("proposeDecision", "ProposeDecisionInput",
            new { partnershipId = p.GetProperty("id").GetString(), area = "staffing", title = "Hire the shared coordinator", deadline = server.Clock.GetUtcNow().AddHours(hours) },
            "decision { id status rule }");
        AssertOk(proposed);
        Assert.Equal(rule, proposed.GetProperty("decision").GetProperty("rule").GetString());
        var districts = new Dictionary<string, string>();
        foreach (var code in codes) districts[code] = await DistrictId(code);
        return (proposed.GetProperty("decision").GetProperty("id").GetString()!, districts);
    }

    private Task<JsonElement> Vote(string decision, string district, string choice, int? expectedRevision = null) =>
        Mutate("castVote", "CastVoteInput", new { decisionId = decision, districtId = district, choice, expectedRevision },
            "decision { status revision closedAt votes { choice } }");

    [DatabaseFact]
    public async Task A_majority_decision_closes_as_soon_as_the_outcome_is_certain()
    {
        var (decision, d) = await Propose("MAJORITY", ["5000310", "5000420", "5000530"]);
        var first = await Vote(decision, d["5000310"], "YES");
        Assert.Equal("OPEN", first.GetProperty("decision").GetProperty("status").GetString());
        AssertError(await Vote(decision, d["5000310"], "NO"), "RuleViolation", "ALREADY_VOTED");
        AssertError(await Vote(decision, await DistrictId("2300480"), "YES"), "RuleViolation", "DISTRICT_MUST_BE_MEMBER", "input", "districtId");
        var second = await Vote(decision, d["5000420"], "YES");
        Assert.Equal("ADOPTED", second.GetProperty("decision").GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, second.GetProperty("decision").GetProperty("closedAt").ValueKind);
        AssertError(await Vote(decision, d["5000530"], "NO"), "RuleViolation", "DECISION_CLOSED");
    }

    [DatabaseFact]
    public async Task A_unanimous_decision_is_rejected_by_one_no_and_a_lead_decision_by_the_lead()
    {
        var (unanimous, d) = await Propose("UNANIMOUS", ["3300710", "3300820", "3300930"]);
        Assert.Equal("REJECTED", (await Vote(unanimous, d["3300820"], "NO")).GetProperty("decision").GetProperty("status").GetString());

        var (lead, l) = await Propose("LEAD_DISTRICT", ["2300150", "2300260", "2300370"]);
        Assert.Equal("OPEN", (await Vote(lead, l["2300260"], "NO")).GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal("ADOPTED", (await Vote(lead, l["2300150"], "YES")).GetProperty("decision").GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task Proposals_need_a_known_area_and_a_future_deadline()
    {
        var p = (await NewPartnership(["3301040", "2300480"])).GetProperty("partnership").GetProperty("id").GetString();
        var propose = (string area, DateTimeOffset deadline) => Mutate("proposeDecision", "ProposeDecisionInput",
            new { partnershipId = p, area, title = "A question", deadline }, "decision { id }");
        AssertError(await propose("curriculum", server.Clock.GetUtcNow().AddDays(3)), "RuleViolation", "UNKNOWN_DECISION_AREA", "input", "area");
        AssertError(await propose("budget", server.Clock.GetUtcNow().AddDays(-1)), "ValidationError", "DEADLINE_IN_PAST", "input", "deadline");
    }

    [DatabaseFact]
    public async Task A_decision_past_its_deadline_expires_and_takes_no_votes()
    {
        var (decision, d) = await Propose("TWO_THIRDS", ["5000640", "3300710", "2300480"], hours: 1);
        AssertOk(await Vote(decision, d["5000640"], "YES"));
        server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            var status = await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on Decision { status } } }", new { id = decision });
            Assert.Equal("EXPIRED", status.GetProperty("node").GetProperty("status").GetString());
            AssertError(await Vote(decision, d["3300710"], "YES"), "RuleViolation", "DECISION_CLOSED");

            Assert.True(await server.Services.GetRequiredService<DecisionDeadlines>().ExpireAsync(CancellationToken.None) >= 1);
            await using var db = server.OpenDatabase();
            Graph.GlobalId.TryDecode(decision, "Decision", out var key);
            var stored = await db.Decisions.SingleAsync(x => x.Id == key);
            Assert.Equal(DecisionStatus.Expired, stored.Status);
            Assert.Equal(stored.Deadline, stored.ClosedAt);

            // The expiry is in the consortium's trail, by the server, and a backplane replay derives decisionClosed from it.
            var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Decision) && e.EntityId == key && e.Operation == DecisionDeadlines.Operation);
            Assert.Equal(DecisionDeadlines.Subject, entry.Subject);
            Assert.Equal(await db.Partnerships.Where(p => p.Id == stored.PartnershipId).Select(p => p.ConsortiumId).SingleAsync(), entry.ConsortiumId);
            Assert.Contains("\"Status\":[\"Open\",\"Expired\"]", entry.Changes);
            Assert.Equal(new Events.ConsortiumEvent(Events.ConsortiumEvent.DecisionClosed, key), Events.ConsortiumEvent.Of(entry));
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    /// <summary>Every instance sweeps deadlines every minute: sweeps at once expire each decision once, with one entry and one event.</summary>
    [DatabaseFact]
    public async Task Fifty_sweeps_at_once_expire_each_decision_once()
    {
        var decisions = new List<int>();
        foreach (var codes in new[] { new[] { "5000640", "3300710" }, ["3300820", "2300480"], ["2300150", "3301040"] })
        {
            Graph.GlobalId.TryDecode((await Propose("TWO_THIRDS", codes, hours: 1)).Decision, "Decision", out var key);
            decisions.Add(key);
        }
        var closed = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var listening = server.Services.GetRequiredService<Events.EventHub>()
            .Subscribe(e => { if (e.Kind == Events.ConsortiumEvent.DecisionClosed && decisions.Contains(e.EntityId)) closed.Add(e.EntityId); });
        server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            var sweeps = server.Services.GetRequiredService<DecisionDeadlines>();
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => sweeps.ExpireAsync(CancellationToken.None))));

            await using var db = server.OpenDatabase();
            Assert.All(await db.Decisions.Where(d => decisions.Contains(d.Id)).ToListAsync(), d => Assert.Equal((DecisionStatus.Expired, 1), (d.Status, d.Revision)));
            var entries = await db.AuditEntries.Where(e => e.EntityType == nameof(Decision) && decisions.Contains(e.EntityId) && e.Operation == DecisionDeadlines.Operation)
                .Select(e => e.EntityId).ToListAsync();
            Assert.Equal(decisions.Order(), entries.Order());
            Assert.Equal(decisions.Order(), closed.Order());
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [DatabaseFact]
    public async Task A_stale_revision_is_a_conflict_and_saves_nothing()
    {
        var (decision, d) = await Propose("UNANIMOUS", ["5000310", "3300820", "2300370"]);
        var first = await Vote(decision, d["5000310"], "YES", expectedRevision: 0);
        AssertOk(first);
        Assert.Equal(1, first.GetProperty("decision").GetProperty("revision").GetInt32());

        var votes = await Count<Vote>();
        var stale = await Vote(decision, d["3300820"], "YES", expectedRevision: 0);
        AssertError(stale, "ConflictError", "CONFLICT");
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("decision").ValueKind);
        Assert.Equal(votes, await Count<Vote>());
        AssertOk(await Vote(decision, d["3300820"], "YES", expectedRevision: 1));
    }

    [DatabaseFact]
    public async Task Completed_and_dissolved_partnerships_take_no_new_work()
    {
        var data = await server.QueryAsync("""{ partnerships(first: 20, where: { status: [COMPLETED, DISSOLVED] }) { nodes { id name status members { district { id } } } } }""");
        var closed = data.GetProperty("partnerships").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["COMPLETED", "DISSOLVED"], closed.Select(p => p.GetProperty("status").GetString()).Distinct().Order());
        foreach (var p in closed)
        {
            var member = p.GetProperty("members")[0].GetProperty("district").GetProperty("id").GetString();
            AssertError(await Mutate("createCommitment", "CreateCommitmentInput",
                new { partnershipId = p.GetProperty("id").GetString(), districtId = member, title = "One more thing" }, "commitment { id }"),
                "RuleViolation", "PARTNERSHIP_CLOSED", "input", "partnershipId");
            AssertError(await Mutate("joinPartnership", "JoinPartnershipInput",
                new { partnershipId = p.GetProperty("id").GetString(), districtId = await DistrictId("2300480") }, "partnership { id }"),
                "RuleViolation", "PARTNERSHIP_CLOSED");
        }
    }

    [DatabaseFact]
    public async Task Local_fields_of_a_plugin_that_is_not_loaded_are_refused()
    {
        var payload = await Mutate("setLocalFields", "SetLocalFieldsInput",
            new { id = await DistrictId("5000640"), plugin = "lakeport", values = new { boardApprovalDate = "2026-09-01" } }, "node { id }");
        AssertError(payload, "ValidationError", "UNKNOWN_PLUGIN", "input", "plugin");
    }

    [DatabaseFact]
    public async Task Inputs_that_do_not_fit_the_schema_are_request_errors_and_change_nothing()
    {
        var before = await Count<Commitments.Commitment>();
        var (status, body) = await server.SendAsync("""mutation { createCommitment(input: { title: "No partnership" }) { errors { code } } }""");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Contains("partnershipId", body);
        Assert.Equal(before, await Count<Commitments.Commitment>());
    }
}

public sealed class SqliteMutationTests(SqliteServer server) : MutationTests<SqliteServer>(server);

public sealed class PostgreSqlMutationTests(PostgreSqlServer server) : MutationTests<PostgreSqlServer>(server), IPostgreSqlSuite;
