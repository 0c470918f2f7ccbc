using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Every mutation writes its audit entries: the operation, the caller, the entity, each field before and
/// after, and the consortium (or, for a district's own records, the district) whose admins may read it.
/// A mutation in the schema without a row here fails the test.
/// </summary>
public sealed class AuditTrailTests
{
    private const int Northern = 1;

    /// <summary>In order: later rows act on what earlier ones made. Entity: a row type the entry must name; district: the entry is a district's own record.</summary>
    private static readonly (string Mutation, string InputType, string Entity, bool DistrictRecord, Func<Ids, object> Input)[] Rows =
    [
        ("createPartnership", "CreatePartnershipInput", "Partnership", false, ids => new
        {
            consortiumId = ids.Consortium, name = "Audited Partnership", kind = "ADVOCACY", leadDistrictId = ids.Lead, memberDistrictIds = new[] { ids.Lead, ids.Member },
            decisionRights = new[] { new { area = "budget", rule = "MAJORITY" } }, agreementTitle = "MOU", agreementTerms = "Terms.",
        }),
        ("joinPartnership", "JoinPartnershipInput", "PartnershipMember", false, ids => new { partnershipId = ids.Partnership(), districtId = ids.Joiner }),
        ("updatePartnership", "UpdatePartnershipInput", "Partnership", false, ids => new { id = ids.Partnership(), sharedGoal = "An audited goal." }),
        ("changeMemberRoles", "ChangeMemberRolesInput", "PartnershipMember", false, ids => new { partnershipId = ids.Partnership(), members = new[] { new { districtId = ids.Lead, roles = new[] { "LEAD", "FISCAL_AGENT" } } } }),
        // The lead became the fiscal agent: it receives a grant, and its books go through every step.
        ("recordGrant", "RecordGrantInput", "Grant", false, ids => new
        {
            funderId = ids.Funder(), partnershipId = ids.Partnership(), amount = 5_000m, startsOn = "2026-01-01", endsOn = "2027-06-30",
            reports = new[] { new { title = "Audited final report", dueOn = "2027-07-31" } },
        }),
        ("reviseGrantBudget", "ReviseGrantBudgetInput", "GrantBudgetLine", false, ids => new { grantId = ids.Grant(), reason = "Audited budget", lines = new[] { new { category = "TRAVEL", amount = 1_000m } } }),
        ("recordDrawdown", "RecordDrawdownInput", "Drawdown", false, ids => new { grantId = ids.Grant(), requestedOn = "2026-02-01", amount = 1_000m }),
        ("receiveDrawdown", "ReceiveDrawdownInput", "Drawdown", false, ids => new { drawdownId = ids.Drawdown(), receivedOn = "2026-02-05", amount = 1_000m }),
        ("recordExpenditure", "RecordExpenditureInput", "Expenditure", false, ids => new { grantId = ids.Grant(), spentOn = "2026-03-01", category = "TRAVEL", amount = 250.25m, description = "Audited mileage" }),
        ("reverseExpenditure", "ReverseExpenditureInput", "Expenditure", false, ids => new { expenditureId = ids.Expenditure(), reason = "Audited: charged twice" }),
        ("amendGrant", "AmendGrantInput", "GrantAmendment", false, ids => new { grantId = ids.Grant(), amount = 6_000m, reason = "Audited supplement" }),
        ("submitGrantReport", "SubmitGrantReportInput", "GrantReport", false, ids => new { reportId = ids.GrantReport() }),
        ("closeGrant", "CloseGrantInput", "Grant", false, ids => new { grantId = ids.Grant(), note = "Audited close-out" }),
        // The partnership buys together: a vendor, a round, a quote, the award, a purchase.
        ("createVendor", "CreateVendorInput", "Vendor", false, ids => new { consortiumId = ids.Consortium, name = "Audited Vendor" }),
        ("openPurchasingRound", "OpenPurchasingRoundInput", "PurchasingRound", false, ids => new { partnershipId = ids.Partnership(), item = "Audited item", unit = "unit", estimatedQuantity = 10, quotesDueOn = "2026-10-15" }),
        ("recordQuote", "RecordQuoteInput", "Quote", false, ids => new { roundId = ids.Round(), vendorId = ids.Vendor(), unitPrice = 99.95m }),
        ("awardContract", "AwardContractInput", "Contract", false, ids => new { roundId = ids.Round(), quoteId = ids.Quote(), startsOn = "2026-07-01", endsOn = "2027-06-30" }),
        ("recordPurchase", "RecordPurchaseInput", "PurchaseLine", false, ids => new
        {
            contractId = ids.Contract(), districtId = ids.Lead, quantity = 4, purchasedOn = "2026-09-01", standaloneUnitPrice = 109.95m, standalonePriceSource = "QUOTE",
        }),
        // It shares a position: its cost split, a quarter invoiced, a payment.
        ("defineSharedPosition", "DefineSharedPositionInput", "PositionShare", false, ids => new
        {
            partnershipId = ids.Partnership(), title = "Audited coordinator", kind = "EMPLOYEE", employingDistrictId = ids.Lead, annualSalary = 60_000m, annualBenefits = 18_000m,
            method = "BY_FTE", startsOn = "2026-07-01", shares = new[] { new { districtId = ids.Lead, basis = 0.6 }, new { districtId = ids.Member, basis = 0.4 } },
        }),
        ("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", "InvoiceLine", false, ids => new { partnershipId = ids.Partnership(), period = "2026-27 Q1", months = 3 }),
        ("recordPayment", "RecordInvoicePaymentInput", "InvoicePayment", false, ids => new { invoiceId = ids.Invoice(), amount = 7_800m, reference = "Audited check" }),
        // A League: its framework, a school joining with its four signatures, rating itself, leaving.
        ("createLeague", "CreateLeagueInput", "League", false, ids => new { consortiumId = ids.Consortium, name = "Audited League", commitment = "We improve together." }),
        ("defineFramework", "DefineFrameworkInput", "ImprovementFramework", false, ids => new
        {
            leagueId = ids.League(), name = "Audited framework", levels = new[] { "Low", "High" }, dimensions = new[] { new { key = "voice", name = "Voice", descriptors = new[] { "Some", "All" } } },
        }),
        ("joinLeague", "JoinLeagueInput", "LeagueMembership", false, ids => new { leagueId = ids.League(), schoolId = ids.School() }),
        ("signLetterOfCommitment", "SignLetterOfCommitmentInput", "LetterSignature", false, ids => new { membershipId = ids.Membership(), signatory = "PRINCIPAL", signedBy = "Audited principal" }),
        ("signLetterOfCommitment", "SignLetterOfCommitmentInput", "LetterSignature", false, ids => new { membershipId = ids.Membership(), signatory = "SUPERINTENDENT", signedBy = "Audited superintendent" }),
        ("signLetterOfCommitment", "SignLetterOfCommitmentInput", "LetterSignature", false, ids => new { membershipId = ids.Membership(), signatory = "LEADERSHIP_TEAM", signedBy = "Audited team" }),
        ("signLetterOfCommitment", "SignLetterOfCommitmentInput", "LeagueMembership", false, ids => new { membershipId = ids.Membership(), signatory = "BOARD_CHAIR", signedBy = "Audited chair" }),
        ("recordSelfAssessment", "RecordSelfAssessmentInput", "DimensionRating", false, ids => new { membershipId = ids.Membership(), assessedOn = "2026-10-01", ratings = new[] { new { dimension = "voice", rating = 2 } } }),
        // Its people visit: a teacher of the school, the League's coordinator visiting it, feedback, a visit called off, a practice shared.
        ("addEducator", "AddEducatorInput", "Educator", false, ids => new { leagueId = ids.League(), name = "Audited Teacher", role = "TEACHER", schoolId = ids.MemberSchool(), email = "audited.teacher@example.org" }),
        ("addEducator", "AddEducatorInput", "Educator", false, ids => new { leagueId = ids.League(), name = "Audited Coordinator", role = "COORDINATOR" }),
        ("scheduleVisit", "ScheduleVisitInput", "PeerVisitor", false, ids => new { hostMembershipId = ids.Membership(), visitOn = "2026-10-01", focusQuestion = "Audited question?", visitorIds = new[] { ids.Educator("Audited Coordinator") } }),
        ("giveVisitFeedback", "GiveVisitFeedbackInput", "VisitFeedback", false, ids => new { visitId = ids.Visit("2026-10-01"), educatorId = ids.Educator("Audited Coordinator"), strengths = "Audited strengths." }),
        ("commitToImprove", "CommitToImproveInput", "ImprovementCommitment", false, ids => new { membershipId = ids.Membership(), title = "Audited follow-up", dimensions = new[] { "voice" }, followUpOfVisitId = ids.Visit("2026-10-01") }),
        ("reportImprovementProgress", "ReportImprovementProgressInput", "ImprovementProgress", false, ids => new { commitmentId = ids.Commitment("Audited follow-up"), status = "ON_TRACK", percentComplete = 50 }),
        ("scheduleVisit", "ScheduleVisitInput", "PeerVisit", false, ids => new { hostMembershipId = ids.Membership(), visitOn = "2026-10-20", focusQuestion = "Audited later?", visitorIds = new[] { ids.Educator("Audited Coordinator") } }),
        ("cancelVisit", "CancelVisitInput", "PeerVisit", false, ids => new { visitId = ids.Visit("2026-10-20"), reason = "Audited: snow day" }),
        ("planConvening", "PlanConveningInput", "Convening", false, ids => new { leagueId = ids.League(), title = "Audited convening", scope = "REGIONAL", heldOn = "2026-10-01", online = true }),
        ("registerForConvening", "RegisterForConveningInput", "ConveningRegistration", false, ids => new { conveningId = ids.Convening("Audited convening"), membershipId = ids.Membership(), teamSize = 2 }),
        ("recordConveningAttendance", "RecordConveningAttendanceInput", "ConveningRegistration", false, ids => new { conveningId = ids.Convening("Audited convening"), teams = new[] { new { membershipId = ids.Membership(), attended = 2 } } }),
        ("formLearningGroup", "FormLearningGroupInput", "LearningGroupMember", false, ids => new { leagueId = ids.League(), name = "Audited circle", focus = "Audited focus.", memberIds = new[] { ids.Educator("Audited Teacher") } }),
        ("joinLearningGroup", "LearningGroupMembershipInput", "LearningGroupMember", false, ids => new { groupId = ids.LearningGroup("Audited circle"), educatorId = ids.Educator("Audited Coordinator") }),
        ("recordLearningGroupMeeting", "RecordLearningGroupMeetingInput", "LearningGroupAttendance", false, ids => new { groupId = ids.LearningGroup("Audited circle"), metOn = "2026-10-01", topic = "Audited topic", attendeeIds = new[] { ids.Educator("Audited Teacher") } }),
        ("leaveLearningGroup", "LearningGroupMembershipInput", "LearningGroupMember", false, ids => new { groupId = ids.LearningGroup("Audited circle"), educatorId = ids.Educator("Audited Coordinator") }),
        ("trackPolicy", "TrackPolicyInput", "PolicyPartnership", false, ids => new { consortiumId = ids.Consortium, state = "VT", title = "Audited policy", kind = "GUIDANCE", partnershipIds = new[] { ids.Partnership() } }),
        ("updatePolicy", "UpdatePolicyInput", "PolicyItem", false, ids => new { id = ids.Policy("Audited policy"), status = "ADVOCATING" }),
        ("sharePractice", "SharePracticeInput", "SharedPractice", false, ids => new { membershipId = ids.Membership(), title = "Audited practice", summary = "What it is.", dimensions = new[] { "voice" } }),
        ("leaveLeague", "LeaveLeagueInput", "LeagueMembership", false, ids => new { membershipId = ids.Membership(), reason = "Audited leaving" }),
        ("amendAgreement", "AmendAgreementInput", "Agreement", false, ids => new { partnershipId = ids.Partnership(), terms = "Amended terms.", changeSummary = "Audited amendment." }),
        ("renewAgreement", "RenewAgreementInput", "Agreement", false, ids => new { partnershipId = ids.Partnership(), expiresOn = "2028-06-30" }),
        ("signAgreement", "SignAgreementInput", "Signature", false, ids => new { agreementId = ids.Agreement(), districtId = ids.Lead, signedBy = "Superintendent" }),
        ("signAgreement", "SignAgreementInput", "Signature", false, ids => new { agreementId = ids.Agreement(), districtId = ids.Member, signedBy = "Superintendent" }),
        ("createCommitment", "CreateCommitmentInput", "Commitment", false, ids => new { partnershipId = ids.Partnership(), districtId = ids.Lead, title = "Audited commitment" }),
        ("updateCommitment", "UpdateCommitmentInput", "Commitment", false, ids => new { commitmentId = ids.Commitment(), dollars = 1250.50 }),
        ("reportProgress", "ReportProgressInput", "ProgressUpdate", false, ids => new { commitmentId = ids.Commitment(), status = "DROPPED", note = "audited note" }),
        ("reopenCommitment", "ReopenCommitmentInput", "ProgressUpdate", false, ids => new { commitmentId = ids.Commitment(), status = "ON_TRACK", note = "Taken up again." }),
        ("proposeDecision", "ProposeDecisionInput", "Decision", false, ids => new { partnershipId = ids.Partnership(), area = "budget", title = "Audited decision", deadline = "2026-11-01T00:00:00Z" }),
        ("castVote", "CastVoteInput", "Vote", false, ids => new { decisionId = ids.Decision(), districtId = ids.Lead, choice = "YES", comment = "audited vote" }),
        ("extendDecisionDeadline", "ExtendDecisionDeadlineInput", "Decision", false, ids => new { decisionId = ids.Decision(), deadline = "2026-11-15T00:00:00Z" }),
        ("withdrawDecision", "WithdrawDecisionInput", "Decision", false, ids => new { decisionId = ids.Decision(), reason = "Audited withdrawal." }),
        // The joiner never signed: once it leaves, every remaining member has, and the partnership is ACTIVE.
        ("leavePartnership", "LeavePartnershipInput", "PartnershipMember", false, ids => new { partnershipId = ids.Partnership(), districtId = ids.Joiner }),
        ("reportProgress", "ReportProgressInput", "ProgressUpdate", false, ids => new { commitmentId = ids.Commitment(), status = "DONE", note = "delivered" }),
        ("completePartnership", "ClosePartnershipInput", "Partnership", false, ids => new { partnershipId = ids.Partnership(), reason = "Audited completion." }),
        ("createPartnership", "CreatePartnershipInput", "Partnership", false, ids => new
        {
            consortiumId = ids.Consortium, name = "Audited Dissolution", kind = "ADVOCACY", leadDistrictId = ids.Lead, memberDistrictIds = new[] { ids.Lead, ids.Member },
            agreementTitle = "MOU", agreementTerms = "Terms.",
        }),
        ("dissolvePartnership", "ClosePartnershipInput", "Partnership", false, ids => new { partnershipId = ids.Partnership("Audited Dissolution"), reason = "Audited dissolution." }),
        ("setLocalFields", "SetLocalFieldsInput", "LocalFieldValue", true, ids => new { id = ids.Riverside, plugin = "riverside", values = new { nextBoardMeeting = "2026-12-14" } }),
        ("createApiKey", "CreateApiKeyInput", "ApiKey", false, ids => new { name = "Audited key", role = "DISTRICT_STAFF", districtCodes = new[] { "3300710" }, consortiumIds = new[] { ids.Consortium } }),
        ("revokeApiKey", "RevokeApiKeyInput", "ApiKey", false, ids => new { id = ids.ApiKey() }),
        ("defineIndicator", "DefineIndicatorInput", "Indicator", false, ids => new { consortiumId = ids.Consortium, code = "AUDITED", name = "Audited", unit = "students", aggregation = "SUM" }),
        ("reportIndicatorValues", "ReportIndicatorValuesInput", "IndicatorValue", false, ids => new { districtId = ids.Lead, period = "2025-26", values = new[] { new { indicator = "AUDITED", value = 5.0, studentCount = 40 } } }),
        ("setDataSharingConsent", "SetDataSharingConsentInput", "DataSharingConsent", false, ids => new { districtId = ids.Lead, indicator = "AUDITED", sharedWithFunders = true }),
        // A plugin speaks for its district: its approval is that district's own record.
        ("approvePlugin", "ApprovePluginInput", "PluginApproval", true, ids => new { key = "hotswap", sha256 = ids.Hotswap }),
        ("revokePluginApproval", "RevokePluginApprovalInput", "PluginApproval", true, ids => new { key = "hotswap", sha256 = ids.Hotswap }),
    ];

    /// <summary>The mutations that set up a consortium, audited in <see cref="Setting_up_a_consortium_is_in_the_new_consortiums_trail"/>.</summary>
    private static readonly string[] SetUp = ["createConsortium", "addConsortiumMember", "updateConsortium", "createDistrict", "updateDistrict", "createSchool", "updateSchool",
        // Their trails: DirectoryImportTests, ConsortiumEndingTests, CalendarTests.
        "importDirectory", "removeConsortiumMember", "archiveConsortium", "closeDistrict", "closeSchool", "publishCalendar", "importCalendar",
        // Funders are the installation's, in no consortium's trail: GrantBooksTests.
        "createFunder", "updateFunder",
        // Its trail: JointPurchasingTests checks it saves through the same path as recordPurchase.
        "importPurchases", "cancelPurchasingRound",
        // Its trail: CostSharingTests (a shared course's partnership).
        "recordCourseEnrollments"];

    [Fact]
    public async Task Setting_up_a_consortium_is_in_the_new_consortiums_trail()
    {
        await using var host = new PluginTestHost();
        var platform = host.TokenFor("platform-admin");
        var created = (await host.QueryAsync($"mutation Audited {{ createConsortium(input: {{ name: \"Audited Consortium\", sharedGoal: \"Audited.\" }}) {{ consortium {{ id }} {Errors} }} }}",
            token: platform)).GetProperty("createConsortium");
        AssertOk(created);
        var id = created.GetProperty("consortium").GetProperty("id").GetString()!;
        AssertOk((await host.QueryAsync($"mutation Audited($id: ID!, $district: ID!) {{ addConsortiumMember(input: {{ consortiumId: $id, districtId: $district }}) {{ {Errors} }} }}",
            new { id, district = await host.DistrictIdAsync("3300710") }, platform)).GetProperty("addConsortiumMember"));
        AssertOk((await host.QueryAsync($"mutation Audited($id: ID!) {{ updateConsortium(input: {{ id: $id, sharedGoal: \"Audited again.\" }}) {{ {Errors} }} }}",
            new { id }, platform)).GetProperty("updateConsortium"));

        // A directory entry is the district's own record.
        var district = (await host.QueryAsync($"mutation Audited {{ createDistrict(input: {{ code: \"9900001\", name: \"Audited District\", state: \"NH\", locale: RURAL, enrollment: 300 }}) {{ district {{ id }} {Errors} }} }}",
            token: platform)).GetProperty("createDistrict").GetProperty("district").GetProperty("id").GetString()!;
        AssertOk((await host.QueryAsync($"mutation Audited($id: ID!) {{ updateDistrict(input: {{ id: $id, enrollment: 310 }}) {{ {Errors} }} }}", new { id = district }, platform)).GetProperty("updateDistrict"));
        var school = (await host.QueryAsync($"mutation Audited($id: ID!) {{ createSchool(input: {{ code: \"990000100001\", name: \"Audited School\", districtId: $id, enrollment: 120 }}) {{ school {{ id }} {Errors} }} }}",
            new { id = district }, platform)).GetProperty("createSchool").GetProperty("school").GetProperty("id").GetString()!;
        AssertOk((await host.QueryAsync($"mutation Audited($id: ID!) {{ updateSchool(input: {{ id: $id, enrollment: 125 }}) {{ {Errors} }} }}", new { id = school }, platform)).GetProperty("updateSchool"));

        GlobalId.TryDecode(id, "Consortium", out var consortium);
        GlobalId.TryDecode(district, "District", out var districtKey);
        await using var db = host.OpenDatabase();
        foreach (var (mutation, entity) in new[] { ("createConsortium", "Consortium"), ("addConsortiumMember", "ConsortiumMembership"), ("updateConsortium", "Consortium") })
        {
            var entries = await db.AuditEntries.Where(a => a.Operation == $"{mutation} in Audited").ToListAsync();
            Assert.Contains(entries, e => e.EntityType == entity);
            Assert.All(entries, e => Assert.Equal((consortium, "platform-admin", "test-platform-admin"), (e.ConsortiumId ?? 0, e.Role, e.Subject)));
        }
        foreach (var (mutation, entity) in new[] { ("createDistrict", "District"), ("updateDistrict", "District"), ("createSchool", "School"), ("updateSchool", "School") })
        {
            var entries = await db.AuditEntries.Where(a => a.Operation == $"{mutation} in Audited").ToListAsync();
            Assert.Contains(entries, e => e.EntityType == entity && e.Changes.Contains("Enrollment"));
            Assert.All(entries, e => Assert.Equal((null, districtKey), (e.ConsortiumId, e.DistrictId ?? 0)));
        }
    }

    /// <summary>The IDs the rows use, read from the database as the earlier rows left it.</summary>
    private sealed class Ids(PluginTestHost host)
    {
        public string Consortium { get; } = GlobalId.Encode("Consortium", Northern);
        public required string Lead, Member, Joiner, Riverside, Hotswap;

        private string Read<T>(string type, Func<Data.ConsortiumDb, IQueryable<T>> query) where T : Data.Entity
        {
            using var db = host.OpenDatabase();
            return GlobalId.Encode(type, query(db).OrderByDescending(e => e.Id).Select(e => e.Id).First());
        }

        public string Partnership(string name = "Audited Partnership") => Read("Partnership", db => db.Partnerships.Where(p => p.Name == name));
        public string Agreement() => Read("Agreement", db => db.Agreements.Where(a => a.Partnership.Name == "Audited Partnership"));
        public string Commitment() => Read("Commitment", db => db.Commitments.Where(c => c.Title == "Audited commitment"));
        public string Decision() => Read("Decision", db => db.Decisions.Where(d => d.Title == "Audited decision"));
        public string ApiKey() => Read("ApiKey", db => db.ApiKeys.Where(k => k.Name == "Audited key"));
        public string Funder() => Read("Funder", db => db.Funders.Where(f => f.Name == "Tri-State Rural Education Fund"));
        public string Grant() => Read("Grant", db => db.Grants.Where(g => g.Partnership.Name == "Audited Partnership"));
        public string Drawdown() => Read("Drawdown", db => db.Drawdowns.Where(d => d.Grant.Partnership.Name == "Audited Partnership"));
        public string Vendor() => Read("Vendor", db => db.Vendors.Where(v => v.Name == "Audited Vendor"));
        public string Round() => Read("PurchasingRound", db => db.PurchasingRounds.Where(r => r.Item == "Audited item"));
        public string Quote() => Read("Quote", db => db.Quotes.Where(q => q.Round.Item == "Audited item"));
        public string Contract() => Read("Contract", db => db.Contracts.Where(c => c.Round.Item == "Audited item"));
        public string Invoice() => Read("InterDistrictInvoice", db => db.InterDistrictInvoices.Where(i => i.Partnership.Name == "Audited Partnership"));
        public string Expenditure() => Read("Expenditure", db => db.Expenditures.Where(e => e.Description == "Audited mileage"));
        public string League() => Read("League", db => db.Leagues.Where(l => l.Name == "Audited League"));
        public string School() => Read("School", db => db.Schools.Where(s => s.District.Code == "3300710" && !s.LeagueMember));
        public string Membership() => Read("LeagueMembership", db => db.LeagueMemberships.Where(m => m.League.Name == "Audited League"));
        public string MemberSchool() => Read("School", db => db.LeagueMemberships.Where(m => m.League.Name == "Audited League").Select(m => m.School));
        public string Commitment(string title) => Read("ImprovementCommitment", db => db.ImprovementCommitments.Where(c => c.Title == title));
        public string Convening(string title) => Read("Convening", db => db.Convenings.Where(c => c.Title == title));
        public string LearningGroup(string name) => Read("LearningGroup", db => db.LearningGroups.Where(g => g.Name == name));
        public string Policy(string title) => Read("PolicyItem", db => db.PolicyItems.Where(p => p.Title == title));
        public string Educator(string name) => Read("Educator", db => db.Educators.Where(e => e.Name == name));
        public string Visit(string day) => Read("PeerVisit", db => db.PeerVisits.Where(v => v.League.Name == "Audited League" && v.VisitOn == DateOnly.Parse(day)));
        public string GrantReport() => Read("GrantReport", db => db.GrantReports.Where(r => r.Title == "Audited final report"));
    }

    [Fact]
    public async Task Every_mutation_writes_who_what_before_and_after_and_whose_trail_it_is_in()
    {
        // The sample plugins (approved with the demo data) and a build awaiting approval.
        var plugins = Path.Combine(Path.GetTempPath(), $"consortiumgraph-audit-{Guid.NewGuid():N}");
        foreach (var sample in Directory.GetDirectories(ConsortiumServer.BuiltPlugins()))
            MixedPluginsServer.CopyFolder(sample, Path.Combine(plugins, Path.GetFileName(sample)));
        MixedPluginsServer.CopyFolder(Path.Combine(ConsortiumServer.BuiltPlugins("hotswap"), "V1"), Path.Combine(plugins, "Hotswap"));
        await using var host = new PluginTestHost { PluginsPath = plugins, RequirePluginApproval = true };
        var admin = host.TokenFor("consortium-admin", consortia: [GlobalId.Encode("Consortium", Northern)]);
        var schema = host.Services.GetRequiredService<PluginHost.LiveSchema>().Schema;
        Assert.Equal(schema.Mutation!.Fields.Select(f => f.Name).Order(), Rows.Select(r => r.Mutation).Concat(SetUp).Distinct().Order());

        var ids = new Ids(host)
        {
            Lead = await host.DistrictIdAsync("3300710"), Member = await host.DistrictIdAsync("2300260"),
            Joiner = await host.DistrictIdAsync("3300930"), Riverside = await host.DistrictIdAsync("5000310"),
            Hotswap = PluginHost.PluginBuild.Sha256(Path.Combine(plugins, "Hotswap")),
        };
        foreach (var row in Rows)
        {
            var payload = (await host.QueryAsync($"mutation Audited($input: {row.InputType}!) {{ {row.Mutation}(input: $input) {{ {Errors} }} }}",
                new { input = row.Input(ids) }, admin)).GetProperty(row.Mutation);
            AssertOk(payload);

            await using var db = host.OpenDatabase();
            var entries = await db.AuditEntries.Where(a => a.Operation == $"{row.Mutation} in Audited").ToListAsync();
            var entry = entries.FirstOrDefault(e => e.EntityType == row.Entity);
            Assert.True(entry is not null, $"{row.Mutation}: no {row.Entity} entry among {string.Join(", ", entries.Select(e => e.EntityType))}");
            Assert.Equal("test-consortium-admin", entry.Subject);
            Assert.Equal("consortium-admin", entry.Role);
            Assert.True(entry.EntityId > 0, $"{row.Mutation}: no entity ID");
            var changes = JsonDocument.Parse(entry.Changes).RootElement;
            Assert.True(changes.EnumerateObject().Any(c => c.Value[0].GetRawText() != c.Value[1].GetRawText()), $"{row.Mutation}: no field changed in {entry.Changes}");
            if (row.DistrictRecord)
                Assert.True(entry.ConsortiumId is null && entry.DistrictId is not null, $"{row.Mutation}: a district's record, in {entry.ConsortiumId}/{entry.DistrictId}");
            else
                Assert.True(entries.All(e => e.ConsortiumId == Northern), $"{row.Mutation}: entries outside Northern's trail");
        }

        // The rows walked the partnership through its whole life.
        await using var end = host.OpenDatabase();
        var partnership = await end.Partnerships.Include(p => p.Members).Include(p => p.Agreements).SingleAsync(p => p.Name == "Audited Partnership");
        Assert.Equal((Partnerships.PartnershipStatus.Completed, "Audited completion."), (partnership.Status, partnership.ClosingReason));
        Assert.Equal([Agreements.AgreementStatus.Superseded, Agreements.AgreementStatus.Superseded, Agreements.AgreementStatus.InForce],
            partnership.Agreements.OrderBy(a => a.Version).Select(a => a.Status));
        Assert.Single(partnership.Members, m => m.IsLead && m.IsFiscalAgent);
        Assert.Single(partnership.Members, m => m.LeftOn is not null);
    }
}
