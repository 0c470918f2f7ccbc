using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Every step of a partnership after it is proposed, through the API: roles as a set, members leaving,
/// amendments and renewals, commitments changed and reopened, decisions withdrawn, extended and governed,
/// completion and dissolution. Each refusal is a typed error that stored nothing, and each step is tried by
/// callers who must not take it: a member that is not the lead, another district's staff, another consortium's admin.
/// </summary>
public abstract class PartnershipLifecycleTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1), UpperValley = GlobalId.Encode("Consortium", 2);
    private const string Members = "members { roles leftOn district { code } }";

    private string Staff(string district) => server.TokenFor("district-staff", districts: [district], consortia: [Northern]);
    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection = "", string? token = null) =>
        (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} {Errors} }} }}", new { input }, token ?? Admin)).GetProperty(field);

    private async Task<JsonElement> Node(string id, string selection) =>
        (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", new { id }, Admin)).GetProperty("node");

    /// <summary>A new partnership among districts given by code, the first the lead; returns its ID.</summary>
    private async Task<string> NewPartnership(string[] codes, string kind = "SHARED_SERVICE", string? fiscalAgent = null, object[]? rights = null, string? expiresOn = null)
    {
        var ids = new List<string>();
        foreach (var code in codes) ids.Add(await server.DistrictIdAsync(code));
        var payload = await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = Northern, name = $"Lifecycle {Guid.NewGuid():N}", kind, leadDistrictId = ids[0], memberDistrictIds = ids,
            fiscalAgentId = fiscalAgent is null ? null : await server.DistrictIdAsync(fiscalAgent),
            decisionRights = rights ?? [new { area = "budget", rule = "MAJORITY" }],
            agreementTitle = "MOU", agreementTerms = "Each member does its part.", agreementExpiresOn = expiresOn,
        }, "partnership { id }");
        AssertOk(payload);
        return payload.GetProperty("partnership").GetProperty("id").GetString()!;
    }

    private async Task SignAll(string partnership, params string[] codes)
    {
        var agreement = (await Node(partnership, "... on Partnership { agreement { id } }")).GetProperty("agreement").GetProperty("id").GetString();
        foreach (var code in codes)
            AssertOk(await Mutate("signAgreement", "SignAgreementInput", new { agreementId = agreement, districtId = await server.DistrictIdAsync(code), signedBy = "Superintendent" }));
    }

    private async Task<string> Commit(string partnership, string code, object? extra = null)
    {
        var payload = await Mutate("createCommitment", "CreateCommitmentInput", new
        {
            partnershipId = partnership, districtId = await server.DistrictIdAsync(code), title = $"Commitment {Guid.NewGuid():N}", dollars = 1000,
        }, "commitment { id }");
        AssertOk(payload);
        return payload.GetProperty("commitment").GetProperty("id").GetString()!;
    }

    private static Dictionary<string, string[]> Roles(JsonElement partnership) =>
        partnership.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("district").GetProperty("code").GetString()!,
            m => m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

    [DatabaseFact]
    public async Task Roles_are_a_set_and_change_together_under_the_consortium_rules()
    {
        var id = await NewPartnership(["3300710", "3300820", "2300150"], kind: "GRANT_PROJECT", fiscalAgent: "3300710");
        var created = await Node(id, $"... on Partnership {{ {Members} fiscalAgent {{ code }} }}");
        Assert.Equal(["LEAD", "FISCAL_AGENT", "MEMBER"], Roles(created)["3300710"]);
        Assert.Equal(["MEMBER"], Roles(created)["3300820"]);
        Assert.Equal("3300710", created.GetProperty("fiscalAgent").GetProperty("code").GetString());

        async Task<JsonElement> Change(object[] members, string? token = null) =>
            await Mutate("changeMemberRoles", "ChangeMemberRolesInput", new { partnershipId = id, members }, $"partnership {{ {Members} }}", token);
        var granite = await server.DistrictIdAsync("3300710");
        var lakes = await server.DistrictIdAsync("3300820");
        AssertError(await Change([new { districtId = granite, roles = new[] { "FISCAL_AGENT" } }]), "RuleViolation", "EXACTLY_ONE_LEAD", "input", "members");
        AssertError(await Change([new { districtId = lakes, roles = new[] { "FISCAL_AGENT" } }]), "RuleViolation", "FISCAL_AGENT_EXISTS", "input", "members");
        AssertError(await Change([new { districtId = granite, roles = new[] { "LEAD" } }]), "RuleViolation", "FISCAL_AGENT_REQUIRED", "input", "members");
        AssertError(await Change([new { districtId = granite, roles = new[] { "LEAD" } }, new { districtId = granite, roles = new[] { "LEAD" } }]), "ValidationError", "DUPLICATE_DISTRICT", "input", "members", "1", "districtId");
        AssertError(await Change([new { districtId = await server.DistrictIdAsync("2300260"), roles = new[] { "LEAD" } }]), "RuleViolation", "DISTRICT_MUST_BE_MEMBER");
        // Only the lead (or an admin of its consortium) gives roles: not another member, not another consortium's admin.
        AssertError(await Change([new { districtId = lakes, roles = new[] { "LEAD" } }, new { districtId = granite, roles = new[] { "FISCAL_AGENT" } }], Staff("3300820")),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "partnershipId");
        AssertError(await Change([new { districtId = lakes, roles = new[] { "LEAD" } }, new { districtId = granite, roles = new[] { "FISCAL_AGENT" } }],
            server.TokenFor("consortium-admin", consortia: [UpperValley])), "ValidationError", "NOT_FOUND", "input", "partnershipId");
        Assert.Equal(["LEAD", "FISCAL_AGENT", "MEMBER"], Roles(await Node(id, $"... on Partnership {{ {Members} }}"))["3300710"]);

        // The lead passes in one change, checked as a whole; the lead's own staff may make it.
        var passed = await Change([new { districtId = lakes, roles = new[] { "LEAD" } }, new { districtId = granite, roles = new[] { "FISCAL_AGENT" } }], Staff("3300710"));
        AssertOk(passed);
        Assert.Equal(["FISCAL_AGENT", "MEMBER"], Roles(passed.GetProperty("partnership"))["3300710"]);
        Assert.Equal(["LEAD", "MEMBER"], Roles(passed.GetProperty("partnership"))["3300820"]);
    }

    [DatabaseFact]
    public async Task A_member_leaves_once_its_work_is_handed_over_and_its_history_stays_readable()
    {
        var id = await NewPartnership(["3300710", "3300820", "2300150"]);
        var commitment = await Commit(id, "3300820");
        async Task<JsonElement> Leave(string code, string? effectiveOn = null, string? token = null) =>
            await Mutate("leavePartnership", "LeavePartnershipInput", new { partnershipId = id, districtId = await server.DistrictIdAsync(code), effectiveOn }, $"partnership {{ {Members} }}", token);

        AssertError(await Leave("3300820"), "RuleViolation", "OPEN_COMMITMENTS", "input", "districtId");
        AssertError(await Leave("3300710"), "RuleViolation", "ROLE_MUST_BE_HANDED_OVER", "input", "districtId");
        AssertError(await Leave("3300820", effectiveOn: "2026-09-01"), "ValidationError", "EFFECTIVE_IN_PAST", "input", "effectiveOn");
        AssertError(await Leave("3300820", token: Staff("2300150")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "districtId");

        AssertOk(await Mutate("reportProgress", "ReportProgressInput", new { commitmentId = commitment, status = "DROPPED", note = "Handed to the lead." }));
        var left = await Leave("3300820", token: Staff("3300820"));
        AssertOk(left);
        var member = left.GetProperty("partnership").GetProperty("members").EnumerateArray().Single(m => m.GetProperty("district").GetProperty("code").GetString() == "3300820");
        Assert.Equal("2026-10-01", member.GetProperty("leftOn").GetString());

        // Gone from new work; its commitment stays on the record.
        AssertError(await Mutate("createCommitment", "CreateCommitmentInput", new { partnershipId = id, districtId = await server.DistrictIdAsync("3300820"), title = "After leaving" }),
            "RuleViolation", "DISTRICT_MUST_BE_MEMBER", "input", "districtId");
        var history = await Node(id, "... on Partnership { commitments(first: 10) { nodes { id status district { code } } } }");
        Assert.Contains(history.GetProperty("commitments").GetProperty("nodes").EnumerateArray(), c => c.GetProperty("id").GetString() == commitment && c.GetProperty("status").GetString() == "DROPPED");
        // Two members are the least a partnership has.
        AssertError(await Leave("2300150"), "RuleViolation", "AT_LEAST_TWO_MEMBERS", "input", "districtId");

        // Notice for a later day: a member until then.
        var later = await NewPartnership(["3300710", "3300820", "2300150", "2300260"]);
        AssertOk(await Mutate("leavePartnership", "LeavePartnershipInput", new { partnershipId = later, districtId = await server.DistrictIdAsync("2300260"), effectiveOn = "2026-12-31" }));
        AssertOk(await Mutate("createCommitment", "CreateCommitmentInput", new { partnershipId = later, districtId = await server.DistrictIdAsync("2300260"), title = "Before leaving" }));
        AssertError(await Mutate("leavePartnership", "LeavePartnershipInput", new { partnershipId = later, districtId = await server.DistrictIdAsync("2300260") }),
            "RuleViolation", "ALREADY_LEAVING", "input", "districtId");
    }

    [DatabaseFact]
    public async Task Completing_needs_finished_work_and_dissolving_closes_what_was_open()
    {
        var id = await NewPartnership(["3300710", "3300820"]);
        AssertError(await Mutate("completePartnership", "ClosePartnershipInput", new { partnershipId = id }), "RuleViolation", "NOT_ACTIVE", "input", "partnershipId");
        await SignAll(id, "3300710", "3300820");
        var commitment = await Commit(id, "3300710");
        var decision = await Mutate("proposeDecision", "ProposeDecisionInput", new { partnershipId = id, area = "budget", title = "Buy", deadline = "2026-10-20T00:00:00Z" }, "decision { id }");
        AssertOk(decision);

        var blocked = await Mutate("completePartnership", "ClosePartnershipInput", new { partnershipId = id }, "partnership { status }");
        AssertError(blocked, "RuleViolation", "OPEN_COMMITMENTS", "input", "partnershipId");
        AssertError(blocked, "RuleViolation", "OPEN_DECISIONS", "input", "partnershipId");
        AssertError(await Mutate("completePartnership", "ClosePartnershipInput", new { partnershipId = id, effectiveOn = "2026-10-02" }), "ValidationError", "EFFECTIVE_IN_FUTURE", "input", "effectiveOn");
        AssertError(await Mutate("dissolvePartnership", "ClosePartnershipInput", new { partnershipId = id }), "ValidationError", "REQUIRED", "input", "reason");
        AssertError(await Mutate("dissolvePartnership", "ClosePartnershipInput", new { partnershipId = id, reason = "No." }, token: Staff("3300820")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "partnershipId");
        Assert.Equal("ACTIVE", (await Node(id, "... on Partnership { status }")).GetProperty("status").GetString());

        var dissolved = await Mutate("dissolvePartnership", "ClosePartnershipInput", new { partnershipId = id, reason = "The grant was not renewed." },
            "partnership { status closedOn closingReason }", Staff("3300710"));
        AssertOk(dissolved);
        Assert.Equal(("DISSOLVED", "2026-10-01", "The grant was not renewed."), (dissolved.GetProperty("partnership").GetProperty("status").GetString(),
            dissolved.GetProperty("partnership").GetProperty("closedOn").GetString(), dissolved.GetProperty("partnership").GetProperty("closingReason").GetString()));
        var closedCommitment = await Node(commitment, "... on Commitment { status progress { status note } }");
        Assert.Equal("DROPPED", closedCommitment.GetProperty("status").GetString());
        Assert.Equal("Partnership dissolved: The grant was not renewed.", closedCommitment.GetProperty("progress").EnumerateArray().Last().GetProperty("note").GetString());
        var closedDecision = await Node(decision.GetProperty("decision").GetProperty("id").GetString()!, "... on Decision { status withdrawalReason }");
        Assert.Equal("WITHDRAWN", closedDecision.GetProperty("status").GetString());
        // Read-only from now on.
        AssertError(await Mutate("updatePartnership", "UpdatePartnershipInput", new { id, name = "Renamed" }), "RuleViolation", "PARTNERSHIP_CLOSED", "input", "id");
        AssertError(await Mutate("completePartnership", "ClosePartnershipInput", new { partnershipId = id }), "RuleViolation", "PARTNERSHIP_CLOSED", "input", "partnershipId");

        var finished = await NewPartnership(["3300710", "3300820"]);
        await SignAll(finished, "3300710", "3300820");
        var done = await Commit(finished, "3300820");
        AssertOk(await Mutate("reportProgress", "ReportProgressInput", new { commitmentId = done, status = "DONE", percentComplete = 100 }));
        var completed = await Mutate("completePartnership", "ClosePartnershipInput", new { partnershipId = finished, reason = "Delivered as agreed." }, "partnership { status closedOn }");
        AssertOk(completed);
        Assert.Equal("COMPLETED", completed.GetProperty("partnership").GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task An_amendment_replaces_the_version_in_force_only_once_every_member_signed_it()
    {
        var id = await NewPartnership(["3300710", "3300820"], expiresOn: "2027-06-30");
        await SignAll(id, "3300710", "3300820");
        const string Versions = "... on Partnership { status agreement { id version status terms } agreementInForce { version status expiresOn } agreements { version status } }";
        var signed = await Node(id, Versions);
        Assert.Equal(("ACTIVE", "IN_FORCE"), (signed.GetProperty("status").GetString(), signed.GetProperty("agreement").GetProperty("status").GetString()));
        var first = signed.GetProperty("agreement").GetProperty("id").GetString();

        async Task<JsonElement> Amend(string terms, string? token = null) =>
            await Mutate("amendAgreement", "AmendAgreementInput", new { partnershipId = id, terms, changeSummary = "Adds a second site." }, "agreement { id version status }", token);
        AssertError(await Amend("Each member does its part."), "ValidationError", "UNCHANGED", "input", "terms");
        AssertError(await Amend("Each member does its part, at two sites.", Staff("3300820")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "partnershipId");
        var amended = await Amend("Each member does its part, at two sites.", Staff("3300710"));
        AssertOk(amended);
        Assert.Equal((2, "PENDING"), (amended.GetProperty("agreement").GetProperty("version").GetInt32(), amended.GetProperty("agreement").GetProperty("status").GetString()));

        // While members sign again, the partnership works under version 1.
        var pending = await Node(id, Versions);
        Assert.Equal(("ACTIVE", 2, 1), (pending.GetProperty("status").GetString(), pending.GetProperty("agreement").GetProperty("version").GetInt32(),
            pending.GetProperty("agreementInForce").GetProperty("version").GetInt32()));
        AssertError(await Mutate("signAgreement", "SignAgreementInput", new { agreementId = first, districtId = await server.DistrictIdAsync("3300710"), signedBy = "x" }),
            "RuleViolation", "AGREEMENT_SUPERSEDED", "input", "agreementId");
        await SignAll(id, "3300710");
        Assert.Equal(1, (await Node(id, Versions)).GetProperty("agreementInForce").GetProperty("version").GetInt32());
        await SignAll(id, "3300820");
        var switched = await Node(id, Versions);
        Assert.Equal(2, switched.GetProperty("agreementInForce").GetProperty("version").GetInt32());
        Assert.Equal(["IN_FORCE", "SUPERSEDED"], switched.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("status").GetString()));

        // Due for renewal: listed within a year, not within a month; a renewal's term ends after the current one.
        async Task<List<string?>> Expiring(int within) => (await server.QueryAsync($"{{ agreementsExpiring(within: {within}, first: 100) {{ nodes {{ partnership {{ id }} }} }} }}", token: Admin))
            .GetProperty("agreementsExpiring").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("partnership").GetProperty("id").GetString()).ToList();
        Assert.Contains(id, await Expiring(365));
        Assert.DoesNotContain(id, await Expiring(30));
        AssertError(await Mutate("renewAgreement", "RenewAgreementInput", new { partnershipId = id, expiresOn = "2027-01-01" }), "ValidationError", "INVALID_RANGE", "input", "expiresOn");
        var renewed = await Mutate("renewAgreement", "RenewAgreementInput", new { partnershipId = id, expiresOn = "2029-06-30" }, "agreement { version status terms expiresOn changeSummary }");
        AssertOk(renewed);
        Assert.Equal((3, "Each member does its part, at two sites.", "2029-06-30"), (renewed.GetProperty("agreement").GetProperty("version").GetInt32(),
            renewed.GetProperty("agreement").GetProperty("terms").GetString(), renewed.GetProperty("agreement").GetProperty("expiresOn").GetString()));
    }

    [DatabaseFact]
    public async Task A_member_that_leaves_without_signing_an_amendment_lets_it_take_force()
    {
        var id = await NewPartnership(["3300710", "3300820", "2300150"]);
        await SignAll(id, "3300710", "3300820", "2300150");
        AssertOk(await Mutate("amendAgreement", "AmendAgreementInput", new { partnershipId = id, terms = "Amended.", changeSummary = "A second site." }));
        await SignAll(id, "3300710", "3300820");
        const string InForce = "... on Partnership { status revision agreementInForce { version } agreements { version status } }";
        var before = await Node(id, InForce);
        Assert.Equal(1, before.GetProperty("agreementInForce").GetProperty("version").GetInt32());

        AssertOk(await Mutate("leavePartnership", "LeavePartnershipInput", new { partnershipId = id, districtId = await server.DistrictIdAsync("2300150") }));
        var after = await Node(id, InForce);
        Assert.Equal(("ACTIVE", 2), (after.GetProperty("status").GetString(), after.GetProperty("agreementInForce").GetProperty("version").GetInt32()));
        Assert.Equal(["IN_FORCE", "SUPERSEDED"], after.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(before.GetProperty("revision").GetInt32() + 1, after.GetProperty("revision").GetInt32()); // one change, one revision
    }

    [DatabaseFact]
    public async Task A_changed_commitment_is_checked_like_a_new_one_and_a_dropped_one_can_be_reopened()
    {
        var id = await NewPartnership(["5000310", "3300820"]);
        var commitment = await Commit(id, "5000310");
        var riverside = await server.TokenAsync("staff-5000310");
        async Task<JsonElement> Update(object input, string? token = null) => await Mutate("updateCommitment", "UpdateCommitmentInput", input, "commitment { title dollars dueOn revision }", token);

        // Riverside's board-approval rule sees the commitment as it would be.
        AssertPluginViolation(await Update(new { commitmentId = commitment, dollars = 40000 }, riverside), "riverside", "BOARD_APPROVAL_REQUIRED");
        AssertError(await Update(new { commitmentId = commitment, dollars = 10.005 }), "ValidationError", "OUT_OF_RANGE", "input", "dollars");
        AssertError(await Update(new { commitmentId = commitment, title = "Not ours" }, await server.TokenAsync("staff-5000420")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "commitmentId");
        var updated = await Update(new { commitmentId = commitment, title = "Speech services, fall term", dueOn = "2027-01-15", dollars = 24000.50 }, riverside);
        AssertOk(updated);
        Assert.Equal(("Speech services, fall term", "2027-01-15"), (updated.GetProperty("commitment").GetProperty("title").GetString(), updated.GetProperty("commitment").GetProperty("dueOn").GetString()));
        Assert.Equal(24000.50m, updated.GetProperty("commitment").GetProperty("dollars").GetDecimal());

        async Task<JsonElement> Reopen(string status = "PLANNED") => await Mutate("reopenCommitment", "ReopenCommitmentInput", new { commitmentId = commitment, status, note = "Funding found." }, "commitment { status }");
        AssertError(await Reopen(), "RuleViolation", "COMMITMENT_NOT_DROPPED", "input", "commitmentId");
        AssertOk(await Mutate("reportProgress", "ReportProgressInput", new { commitmentId = commitment, status = "DROPPED" }));
        AssertError(await Update(new { commitmentId = commitment, title = "Too late" }), "RuleViolation", "COMMITMENT_CLOSED", "input", "commitmentId");
        AssertError(await Reopen("DONE"), "ValidationError", "INVALID_STATUS", "input", "status");
        var reopened = await Reopen("ON_TRACK");
        AssertOk(reopened);
        Assert.Equal("ON_TRACK", reopened.GetProperty("commitment").GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task Decisions_are_withdrawn_by_their_proposer_extended_by_their_convener_and_rights_change_by_governance()
    {
        var id = await NewPartnership(["3300710", "3300820", "2300150"], rights: [new { area = "budget", rule = "MAJORITY" }, new { area = "governance", rule = "UNANIMOUS" }]);
        var proposed = await Mutate("proposeDecision", "ProposeDecisionInput", new { partnershipId = id, area = "budget", title = "Buy buses", deadline = "2026-10-20T00:00:00Z" },
            "decision { id proposedBy { code } }", Staff("3300820"));
        AssertOk(proposed);
        var decision = proposed.GetProperty("decision").GetProperty("id").GetString();
        Assert.Equal("3300820", proposed.GetProperty("decision").GetProperty("proposedBy").GetProperty("code").GetString());

        async Task<JsonElement> Extend(string deadline, string token) => await Mutate("extendDecisionDeadline", "ExtendDecisionDeadlineInput", new { decisionId = decision, deadline }, "decision { deadline }", token);
        async Task<JsonElement> Withdraw(string token) => await Mutate("withdrawDecision", "WithdrawDecisionInput", new { decisionId = decision, reason = "Prices changed." }, "decision { status withdrawalReason closedAt }", token);
        AssertError(await Extend("2026-10-30T00:00:00Z", Staff("3300820")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "decisionId");
        AssertError(await Extend("2026-10-10T00:00:00Z", Staff("3300710")), "ValidationError", "DEADLINE_NOT_LATER", "input", "deadline");
        var extended = await Extend("2026-10-30T00:00:00Z", Staff("3300710"));
        AssertOk(extended);
        Assert.StartsWith("2026-10-30", extended.GetProperty("decision").GetProperty("deadline").GetString());
        AssertError(await Withdraw(Staff("2300150")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "decisionId");
        var withdrawn = await Withdraw(Staff("3300820"));
        AssertOk(withdrawn);
        Assert.Equal(("WITHDRAWN", "Prices changed."), (withdrawn.GetProperty("decision").GetProperty("status").GetString(), withdrawn.GetProperty("decision").GetProperty("withdrawalReason").GetString()));
        AssertError(await Withdraw(Admin), "RuleViolation", "DECISION_CLOSED", "input", "decisionId");
        AssertError(await Mutate("castVote", "CastVoteInput", new { decisionId = decision, districtId = await server.DistrictIdAsync("3300710"), choice = "YES" }), "RuleViolation", "DECISION_CLOSED");

        // Decision rights change only by a governance decision, adopted under the governance area's rule.
        var newRights = new object[] { new { area = "governance", rule = "UNANIMOUS" }, new { area = "budget", rule = "TWO_THIRDS" }, new { area = "staffing", rule = "LEAD_DISTRICT" } };
        AssertError(await Mutate("proposeDecision", "ProposeDecisionInput", new { partnershipId = id, area = "budget", title = "x", deadline = "2026-10-20T00:00:00Z", decisionRights = newRights }),
            "RuleViolation", "GOVERNANCE_AREA_ONLY", "input", "decisionRights");
        AssertError(await Mutate("proposeDecision", "ProposeDecisionInput", new { partnershipId = id, area = "governance", title = "x", deadline = "2026-10-20T00:00:00Z", decisionRights = new[] { new { area = "budget", rule = "MAJORITY" } } }),
            "RuleViolation", "GOVERNANCE_AREA_REQUIRED", "input", "decisionRights");
        var governance = await Mutate("proposeDecision", "ProposeDecisionInput", new { partnershipId = id, area = "governance", title = "Budget by two thirds; staffing by the lead", deadline = "2026-10-20T00:00:00Z", decisionRights = newRights },
            "decision { id proposedDecisionRights { area rule } }");
        AssertOk(governance);
        var governanceId = governance.GetProperty("decision").GetProperty("id").GetString();
        const string Rights = "... on Partnership { decisionRights { area rule } }";
        var before = (await Node(id, Rights)).GetProperty("decisionRights").GetRawText();
        foreach (var code in new[] { "3300710", "3300820" })
            AssertOk(await Mutate("castVote", "CastVoteInput", new { decisionId = governanceId, districtId = await server.DistrictIdAsync(code), choice = "YES" }));
        Assert.Equal(before, (await Node(id, Rights)).GetProperty("decisionRights").GetRawText());
        AssertOk(await Mutate("castVote", "CastVoteInput", new { decisionId = governanceId, districtId = await server.DistrictIdAsync("2300150"), choice = "YES" }));
        var after = (await Node(id, Rights)).GetProperty("decisionRights").EnumerateArray().Select(r => (r.GetProperty("area").GetString(), r.GetProperty("rule").GetString()));
        Assert.Equal([("budget", "TWO_THIRDS"), ("governance", "UNANIMOUS"), ("staffing", "LEAD_DISTRICT")], after);
    }

    [DatabaseFact]
    public async Task Staff_of_a_district_in_two_consortia_act_only_in_the_consortium_their_credential_names()
    {
        // Riverside is in Northern and Upper Valley; this credential acts for it in Upper Valley only.
        var id = await NewPartnership(["3300710", "5000310", "3300820"], rights: [new { area = "budget", rule = "MAJORITY" }]);
        var commitment = await Commit(id, "5000310");
        var upperValleyOnly = server.TokenFor("district-staff", districts: ["5000310"], consortia: [UpperValley]);
        var riverside = await server.DistrictIdAsync("5000310");
        AssertError(await Mutate("leavePartnership", "LeavePartnershipInput", new { partnershipId = id, districtId = riverside }, token: upperValleyOnly), "ValidationError", "NOT_FOUND", "input", "partnershipId");
        AssertError(await Mutate("updateCommitment", "UpdateCommitmentInput", new { commitmentId = commitment, title = "Not here" }, token: upperValleyOnly), "ValidationError", "NOT_FOUND", "input", "commitmentId");
        AssertError(await Mutate("amendAgreement", "AmendAgreementInput", new { partnershipId = id, terms = "x", changeSummary = "x" }, token: upperValleyOnly), "ValidationError", "NOT_FOUND", "input", "partnershipId");
        // Scoped to Northern, the same district acts there.
        AssertOk(await Mutate("updateCommitment", "UpdateCommitmentInput", new { commitmentId = commitment, title = "Speech therapy minutes" }, token: Staff("5000310")));
    }

    [DatabaseFact]
    public async Task Every_refused_step_left_the_database_as_it_was()
    {
        var id = await NewPartnership(["3300710", "3300820"]);
        await using var before = server.OpenDatabase();
        var checksum = await DatabaseChecksum.OfAsync(before);
        AssertError(await Mutate("leavePartnership", "LeavePartnershipInput", new { partnershipId = id, districtId = await server.DistrictIdAsync("3300710") }), "RuleViolation", "ROLE_MUST_BE_HANDED_OVER");
        AssertError(await Mutate("completePartnership", "ClosePartnershipInput", new { partnershipId = id }), "RuleViolation", "NOT_ACTIVE");
        AssertError(await Mutate("amendAgreement", "AmendAgreementInput", new { partnershipId = id, terms = "Each member does its part.", changeSummary = "x" }), "ValidationError", "UNCHANGED");
        // A dry run of a step that would succeed stores nothing either.
        AssertOk((await server.QueryAsync($"mutation($input: ClosePartnershipInput!) {{ dissolvePartnership(dryRun: true, input: $input) {{ {Errors} }} }}",
            new { input = new { partnershipId = id, reason = "Dry run." } }, Admin)).GetProperty("dissolvePartnership"));
        await using var after = server.OpenDatabase();
        Assert.Equal(checksum, await DatabaseChecksum.OfAsync(after));
    }
}

public sealed class SqlitePartnershipLifecycleTests(SqliteServer server) : PartnershipLifecycleTests<SqliteServer>(server);

public sealed class PostgreSqlPartnershipLifecycleTests(PostgreSqlServer server) : PartnershipLifecycleTests<PostgreSqlServer>(server), IPostgreSqlSuite;
