using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Every role against every mutation and every sensitive field, as a table: A allowed, D denied
/// (NOT_AUTHORIZED before anything runs). Columns: consortium admin, Riverside staff, a funder, anonymous, platform admin, the principal of Riverside High School (a school leader).
/// A mutation missing from the table, or a field without a policy, fails a test.
/// </summary>
public sealed class AccessMatrixTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly string[] Users = ["consortium-admin", "staff-5000310", "funder-1", "", "platform-admin", "leader-500031000003"];

    // What each role may select. Rows: a selection that reaches the field; the field it is about.
    public static readonly TheoryData<string, string, string> Fields = new()
    {
        { "Query.consortia", "{ consortia { name } }", "AAAAAA" },
        { "Query.districts", "{ districts(first: 1) { nodes { name enrollment } } }", "AAAAAA" },
        { "Query.partnerships (names)", "{ partnerships(first: 1) { nodes { name kind status } } }", "AAAAAA" },
        { "Partnership.members", "{ partnerships(first: 1) { nodes { members { role } } } }", "AAADAD" },
        { "Partnership.sharedGoal", "{ partnerships(first: 1) { nodes { sharedGoal } } }", "AAADAD" },
        { "Query.commitments", "{ commitments(first: 1) { totalCount } }", "AAADAD" },
        { "District.staffCapacityFte", "{ districts(first: 1) { nodes { staffCapacityFte } } }", "AAADAD" },
        { "Query.funders", "{ funders { name } }", "AAADAD" },
        { "Agreement.terms", "{ partnerships(first: 1) { nodes { agreement { terms } } } }", "AAADAD" },
        { "Signature.signedBy (staff names)", "{ partnerships(first: 1) { nodes { agreement { signatures { signedBy } } } } }", "AADDAD" },
        { "Vote.comment", "{ partnerships(first: 1) { nodes { decisions(first: 1) { nodes { votes { comment } } } } } }", "AADDAD" },
        { "District.local (local fields)", "{ districts(first: 1) { nodes { local { _plugins } } } }", "AADDAD" },
        { "District.calendar", "{ districts(first: 1) { nodes { calendar(from: \"2026-10-01\", to: \"2026-10-02\") { date } } } }", "AADDAD" },
        { "Query.commonDays", "{ commonDays(districtIds: [], from: \"2026-10-01\", to: \"2026-10-02\", inSession: true) }", "AADDAD" },
        { "Query.localFieldDefinitions", "{ localFieldDefinitions { name } }", "AADDAD" },
        { "Query.plugins", "{ plugins { key } }", "AADDAD" },
        { "Query.auditLog", "{ auditLog(first: 1) { totalCount } }", "ADDDAD" },
        { "Query.apiKeys", "{ apiKeys { name } }", "ADDDAD" },
        { "Query.fundingReport", "{ fundingReport { grants { partnership } } }", "ADADAD" },
        { "Consortium.leagues (the League: staff, admins and its schools' leaders)", "{ consortia { leagues { name members { school { name } } distribution { median } } } }", "AADDAA" },
        { "School.leagueMemberships", "{ districts(first: 1) { nodes { schools(first: 1) { nodes { leagueMemberships { status } } } } } }", "AADDAA" },
        { "League.educators (names)", "{ consortia { leagues { educators(first: 1) { nodes { name email } } } } }", "AADDAA" },
        { "League.visits and feedback", "{ consortia { leagues { visits(first: 1) { nodes { focusQuestion visitors { name } feedback { strengths givenBy { name } } } } } } }", "AADDAA" },
        { "League.practices", "{ consortia { leagues { practices(first: 1, search: \"conference\") { nodes { title } } } } }", "AADDAA" },
        { "League.peersOn and commitments", "{ consortia { leagues { peersOn(dimension: \"student-voice\") { latestRating openCommitments membership { commitments { title progress { note } } } } } } }", "AADDAA" },
        { "Subscription.visitScheduled (the League's)", "subscription { visitScheduled { focusQuestion } }", "AADDAA" },
        { "Subscription.practiceShared (the League's)", "subscription { practiceShared(dimension: \"student-voice\") { title } }", "AADDAA" },
        { "League.convenings", "{ consortia { leagues { convenings(first: 1) { nodes { title registered attended registrations { teamSize } } } } } }", "AADDAA" },
        { "League.learningGroups", "{ consortia { leagues { learningGroups { name members { name } meetings { attendance attendees { name } } } } } }", "AADDAA" },
        { "Consortium.policies", "{ consortia { policies { title evidence partnerships { name } } } }", "AADDAD" },
        { "Query.node (signed in)", "{ node(id: \"TGVhZ3VlOjE\") { id } }", "AAADAA" },
        // Through node: a type's own readers hold however it is reached (they once widened to every signed-in role).
        { "AuditEntry (through node)", "{ node(id: \"QXVkaXRFbnRyeTox\") { ... on AuditEntry { subject role } } }", "ADDDAD" },
        { "ApiKey (through node)", "{ node(id: \"QXBpS2V5OjE\") { ... on ApiKey { name role } } }", "ADDDAD" },
        { "Vendor (through node)", "{ node(id: \"VmVuZG9yOjE\") { ... on Vendor { name } } }", "AADDAD" },
        { "SharedPosition (through node)", "{ node(id: \"U2hhcmVkUG9zaXRpb246MQ\") { ... on SharedPosition { title } } }", "AADDAD" },
        { "Educator (through node)", "{ node(id: \"RWR1Y2F0b3I6MQ\") { ... on Educator { name email } } }", "AADDAA" },
        { "Consortium.rollup", "{ consortia { rollup(indicator: \"X\", groupBy: STATE) { value } } }", "AAADAD" },
        { "Partnership.impact", "{ partnerships(first: 1) { nodes { impact { savings } } } }", "AAADAD" },
        { "Grant.financials", "{ funders { grants { financials { spent byMember { spent } burnRate { pace } } } } }", "AAADAD" },
        { "Grant.expenditures", "{ funders { grants { expenditures(first: 1) { nodes { amount description } } budget { amount } drawdowns { amount } reports { status } } } }", "AAADAD" },
        { "Funder.contactEmail", "{ funders { contactEmail } }", "AADDAD" },
        { "Grant.closeoutNote", "{ funders { grants { closeoutNote } } }", "AADDAD" },
        { "PurchasingRound.quotes", "{ partnerships(first: 1) { nodes { purchasingRounds { quotes { unitPrice vendor { name } } } } } }", "AADDAD" },
        { "Partnership.purchases", "{ partnerships(first: 1) { nodes { purchases(first: 1) { nodes { saved } } purchasingRounds { item contract { unitPrice savings savingsByMember { saved } } } impact { savingsByMember { saved } } } } }", "AAADAD" },
        { "Consortium.vendors", "{ consortia { vendors { name } } }", "AADDAD" },
        { "Partnership.invoices", "{ partnerships(first: 1) { nodes { invoices(first: 1) { nodes { amount outstanding status lines { amount } payments { amount } } } sharedPositions { annualCost shares { basis } } courseEnrollments { cost } promisedAndDelivered { invoiced } } } }", "AADDAD" },
        { "District.balances", "{ districts(first: 1) { nodes { balances { net } } } }", "AADDAD" },
        { "Query.agreementsExpiring", "{ agreementsExpiring(within: 365) { totalCount } }", "AADDAD" },
        { "Decision.proposedBy", "{ partnerships(first: 1) { nodes { decisions(first: 1) { nodes { proposedBy { code } withdrawalReason proposedDecisionRights { area } } } } } }", "AAADAD" },
    };

    // Every mutation, as a dry run with input shaped well enough to pass validation.
    public static readonly TheoryData<string, string, string> Mutations = new()
    {
        { "createPartnership", """createPartnership(dryRun: true, input: { consortiumId: "x", name: "x", kind: ADVOCACY, leadDistrictId: "x", memberDistrictIds: [], agreementTitle: "x", agreementTerms: "x" })""", "AADDAD" },
        { "joinPartnership", """joinPartnership(dryRun: true, input: { partnershipId: "x", districtId: "x" })""", "AADDAD" },
        { "signAgreement", """signAgreement(dryRun: true, input: { agreementId: "x", districtId: "x", signedBy: "x" })""", "AADDAD" },
        { "createCommitment", """createCommitment(dryRun: true, input: { partnershipId: "x", districtId: "x", title: "x" })""", "AADDAD" },
        { "reportProgress", """reportProgress(dryRun: true, input: { commitmentId: "x", status: ON_TRACK })""", "AADDAD" },
        { "proposeDecision", """proposeDecision(dryRun: true, input: { partnershipId: "x", area: "x", title: "x", deadline: "2030-01-01T00:00:00Z" })""", "AADDAD" },
        { "castVote", """castVote(dryRun: true, input: { decisionId: "x", districtId: "x", choice: YES })""", "AADDAD" },
        { "setLocalFields", """setLocalFields(dryRun: true, input: { id: "x", plugin: "x", values: {} })""", "AADDAD" },
        { "createApiKey", """createApiKey(dryRun: true, input: { name: "x", role: FUNDER })""", "ADDDAD" },
        { "reportIndicatorValues", """reportIndicatorValues(dryRun: true, input: { districtId: "x", period: "2025-26", values: [] })""", "AADDAD" },
        { "defineIndicator", """defineIndicator(dryRun: true, input: { consortiumId: "x", code: "X", name: "x", unit: "percent", aggregation: SUM })""", "ADDDAD" },
        { "setDataSharingConsent", """setDataSharingConsent(dryRun: true, input: { districtId: "x", indicator: "X", sharedWithFunders: true })""", "AADDAD" },
        { "revokeApiKey", """revokeApiKey(dryRun: true, input: { id: "x" })""", "ADDDAD" },
        { "approvePlugin", """approvePlugin(dryRun: true, input: { key: "x", sha256: "x" })""", "ADDDAD" },
        { "revokePluginApproval", """revokePluginApproval(dryRun: true, input: { key: "x", sha256: "x" })""", "ADDDAD" },
        { "createConsortium", """createConsortium(dryRun: true, input: { name: "x", sharedGoal: "x" })""", "DDDDAD" },
        { "updateConsortium", """updateConsortium(dryRun: true, input: { id: "x" })""", "ADDDAD" },
        { "addConsortiumMember", """addConsortiumMember(dryRun: true, input: { consortiumId: "x", districtId: "x" })""", "ADDDAD" },
        { "createDistrict", """createDistrict(dryRun: true, input: { code: "x", name: "x", state: "VT", locale: RURAL, enrollment: 1 })""", "DDDDAD" },
        { "updateDistrict", """updateDistrict(dryRun: true, input: { id: "x" })""", "DDDDAD" },
        { "createSchool", """createSchool(dryRun: true, input: { code: "x", name: "x", districtId: "x", enrollment: 1 })""", "DDDDAD" },
        { "updateSchool", """updateSchool(dryRun: true, input: { id: "x" })""", "DDDDAD" },
        { "removeConsortiumMember", """removeConsortiumMember(dryRun: true, input: { consortiumId: "x", districtId: "x" })""", "ADDDAD" },
        { "archiveConsortium", """archiveConsortium(dryRun: true, input: { id: "x", reason: "x" })""", "DDDDAD" },
        { "closeDistrict", """closeDistrict(dryRun: true, input: { id: "x" })""", "DDDDAD" },
        { "closeSchool", """closeSchool(dryRun: true, input: { id: "x" })""", "DDDDAD" },
        { "publishCalendar", """publishCalendar(dryRun: true, input: { districtId: "x", schoolYear: "2027-28", firstDay: "2027-08-25", lastDay: "2028-06-12" })""", "AADDAD" },
        { "importCalendar", """importCalendar(dryRun: true, input: { districtId: "x", schoolYear: "2027-28", file: null })""", "AADDAD" },
        { "importDirectory", """importDirectory(dryRun: true, input: { lea: null })""", "DDDDAD" },
        { "updatePartnership", """updatePartnership(dryRun: true, input: { id: "x" })""", "AADDAD" },
        { "changeMemberRoles", """changeMemberRoles(dryRun: true, input: { partnershipId: "x", members: [] })""", "AADDAD" },
        { "leavePartnership", """leavePartnership(dryRun: true, input: { partnershipId: "x", districtId: "x" })""", "AADDAD" },
        { "completePartnership", """completePartnership(dryRun: true, input: { partnershipId: "x" })""", "AADDAD" },
        { "dissolvePartnership", """dissolvePartnership(dryRun: true, input: { partnershipId: "x", reason: "x" })""", "AADDAD" },
        { "amendAgreement", """amendAgreement(dryRun: true, input: { partnershipId: "x", terms: "x", changeSummary: "x" })""", "AADDAD" },
        { "renewAgreement", """renewAgreement(dryRun: true, input: { partnershipId: "x", expiresOn: "2030-06-30" })""", "AADDAD" },
        { "updateCommitment", """updateCommitment(dryRun: true, input: { commitmentId: "x" })""", "AADDAD" },
        { "reopenCommitment", """reopenCommitment(dryRun: true, input: { commitmentId: "x" })""", "AADDAD" },
        { "withdrawDecision", """withdrawDecision(dryRun: true, input: { decisionId: "x", reason: "x" })""", "AADDAD" },
        { "createFunder", """createFunder(dryRun: true, input: { name: "x" })""", "ADDDAD" },
        { "updateFunder", """updateFunder(dryRun: true, input: { id: "x" })""", "ADDDAD" },
        { "recordGrant", """recordGrant(dryRun: true, input: { funderId: "x", partnershipId: "x", amount: 1, startsOn: "2026-01-01", endsOn: "2026-12-31" })""", "AADDAD" },
        { "amendGrant", """amendGrant(dryRun: true, input: { grantId: "x", reason: "x" })""", "AADDAD" },
        { "closeGrant", """closeGrant(dryRun: true, input: { grantId: "x" })""", "AADDAD" },
        { "reviseGrantBudget", """reviseGrantBudget(dryRun: true, input: { grantId: "x", reason: "x", lines: [] })""", "AADDAD" },
        { "recordDrawdown", """recordDrawdown(dryRun: true, input: { grantId: "x", amount: 1 })""", "AADDAD" },
        { "receiveDrawdown", """receiveDrawdown(dryRun: true, input: { drawdownId: "x", amount: 1 })""", "AADDAD" },
        { "recordExpenditure", """recordExpenditure(dryRun: true, input: { grantId: "x", spentOn: "2026-01-01", category: TRAVEL, amount: 1, description: "x" })""", "AADDAD" },
        { "reverseExpenditure", """reverseExpenditure(dryRun: true, input: { expenditureId: "x", reason: "x" })""", "AADDAD" },
        { "submitGrantReport", """submitGrantReport(dryRun: true, input: { reportId: "x" })""", "AADDAD" },
        { "createLeague", """createLeague(dryRun: true, input: { consortiumId: "x", name: "x", commitment: "x" })""", "ADDDAD" },
        { "defineFramework", """defineFramework(dryRun: true, input: { leagueId: "x", name: "x", levels: ["a", "b"], dimensions: [] })""", "ADDDAD" },
        { "joinLeague", """joinLeague(dryRun: true, input: { leagueId: "x", schoolId: "x" })""", "AADDAA" },
        { "signLetterOfCommitment", """signLetterOfCommitment(dryRun: true, input: { membershipId: "x", signatory: PRINCIPAL, signedBy: "x" })""", "AADDAA" },
        { "leaveLeague", """leaveLeague(dryRun: true, input: { membershipId: "x", reason: "x" })""", "AADDAA" },
        { "recordSelfAssessment", """recordSelfAssessment(dryRun: true, input: { membershipId: "x", assessedOn: "2026-09-01", ratings: [] })""", "AADDAA" },
        { "addEducator", """addEducator(dryRun: true, input: { leagueId: "x", name: "x", role: TEACHER })""", "AADDAA" },
        { "scheduleVisit", """scheduleVisit(dryRun: true, input: { hostMembershipId: "x", visitOn: "2030-01-01", focusQuestion: "x", visitorIds: [] })""", "AADDAA" },
        { "cancelVisit", """cancelVisit(dryRun: true, input: { visitId: "x", reason: "x" })""", "AADDAA" },
        { "giveVisitFeedback", """giveVisitFeedback(dryRun: true, input: { visitId: "x", educatorId: "x" })""", "AADDAA" },
        { "sharePractice", """sharePractice(dryRun: true, input: { membershipId: "x", title: "x", summary: "x", dimensions: [] })""", "AADDAA" },
        { "commitToImprove", """commitToImprove(dryRun: true, input: { membershipId: "x", title: "x", dimensions: [] })""", "AADDAA" },
        { "reportImprovementProgress", """reportImprovementProgress(dryRun: true, input: { commitmentId: "x", status: ON_TRACK })""", "AADDAA" },
        { "planConvening", """planConvening(dryRun: true, input: { leagueId: "x", title: "x", scope: REGIONAL, heldOn: "2030-01-01", online: true })""", "ADDDAD" },
        { "registerForConvening", """registerForConvening(dryRun: true, input: { conveningId: "x", membershipId: "x", teamSize: 1 })""", "AADDAA" },
        { "recordConveningAttendance", """recordConveningAttendance(dryRun: true, input: { conveningId: "x", teams: [] })""", "ADDDAD" },
        { "formLearningGroup", """formLearningGroup(dryRun: true, input: { leagueId: "x", name: "x", focus: "x" })""", "ADDDAD" },
        { "joinLearningGroup", """joinLearningGroup(dryRun: true, input: { groupId: "x", educatorId: "x" })""", "AADDAA" },
        { "leaveLearningGroup", """leaveLearningGroup(dryRun: true, input: { groupId: "x", educatorId: "x" })""", "AADDAA" },
        { "recordLearningGroupMeeting", """recordLearningGroupMeeting(dryRun: true, input: { groupId: "x", metOn: "2026-09-01", topic: "x", attendeeIds: [] })""", "ADDDAD" },
        { "trackPolicy", """trackPolicy(dryRun: true, input: { consortiumId: "x", state: "VT", title: "x", kind: STATUTE })""", "ADDDAD" },
        { "updatePolicy", """updatePolicy(dryRun: true, input: { id: "x" })""", "ADDDAD" },
        { "createVendor", """createVendor(dryRun: true, input: { consortiumId: "x", name: "x" })""", "AADDAD" },
        { "openPurchasingRound", """openPurchasingRound(dryRun: true, input: { partnershipId: "x", item: "x", unit: "x", estimatedQuantity: 1, quotesDueOn: "2030-01-01" })""", "AADDAD" },
        { "recordQuote", """recordQuote(dryRun: true, input: { roundId: "x", vendorId: "x", unitPrice: 1 })""", "AADDAD" },
        { "awardContract", """awardContract(dryRun: true, input: { roundId: "x", quoteId: "x", startsOn: "2026-01-01", endsOn: "2026-12-31" })""", "AADDAD" },
        { "cancelPurchasingRound", """cancelPurchasingRound(dryRun: true, input: { roundId: "x", reason: "x" })""", "AADDAD" },
        { "recordPurchase", """recordPurchase(dryRun: true, input: { contractId: "x", districtId: "x", quantity: 1, purchasedOn: "2026-01-01", standaloneUnitPrice: 1, standalonePriceSource: QUOTE })""", "AADDAD" },
        { "importPurchases", """importPurchases(dryRun: true, input: { contractId: "x", file: null })""", "AADDAD" },
        { "defineSharedPosition", """defineSharedPosition(dryRun: true, input: { partnershipId: "x", title: "x", kind: EMPLOYEE, employingDistrictId: "x", annualSalary: 1, annualBenefits: 0, method: BY_FTE, shares: [], startsOn: "2026-01-01" })""", "AADDAD" },
        { "recordCourseEnrollments", """recordCourseEnrollments(dryRun: true, input: { partnershipId: "x", term: "2026-27", costPerSeat: 1, enrollments: [] })""", "AADDAD" },
        { "issueInterDistrictInvoices", """issueInterDistrictInvoices(dryRun: true, input: { partnershipId: "x", period: "2026-27", months: 12 })""", "AADDAD" },
        { "recordPayment", """recordPayment(dryRun: true, input: { invoiceId: "x", amount: 1 })""", "AADDAD" },
        { "extendDecisionDeadline", """extendDecisionDeadline(dryRun: true, input: { decisionId: "x", deadline: "2030-01-01T00:00:00Z" })""", "AADDAD" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Each_role_reads_exactly_the_fields_the_table_allows(string field, string query, string expected) =>
        await AssertMatrix(field, query, expected);

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Each_role_calls_exactly_the_mutations_the_table_allows(string mutation, string call, string expected) =>
        await AssertMatrix(mutation, $"mutation {{ {call} {{ errors {{ code }} }} }}", expected);

    private async Task AssertMatrix(string what, string query, string expected)
    {
        for (var i = 0; i < Users.Length; i++)
        {
            var token = Users[i] == "" ? PluginTestHost.Anonymous : await server.TokenAsync(Users[i]);
            var (_, body) = await server.SendAsync(query, token: token);
            var denied = JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var errors)
                && errors.EnumerateArray().Any(e => e.GetProperty("extensions").GetProperty("code").GetString() == "NOT_AUTHORIZED");
            Assert.True(denied == (expected[i] == 'D'),
                $"{what} as {(Users[i] == "" ? "anonymous" : Users[i])}: expected {(expected[i] == 'D' ? "denied" : "allowed")}, got {body}");
        }
    }

    [Fact]
    public void Every_mutation_is_in_the_matrix()
    {
        var schema = server.Services.GetRequiredService<PluginHost.LiveSchema>().Schema;
        var inTable = Mutations.Select(row => (string)row[0]).ToHashSet();
        Assert.Equal(schema.Mutation!.Fields.Select(f => f.Name).Order(), inTable.Order());
    }

    [Fact]
    public void Every_field_declares_who_may_read_it()
    {
        var schema = server.Services.GetRequiredService<PluginHost.LiveSchema>().Schema;
        var missing = schema.AllTypes.OfType<IObjectGraphType>().Concat<IComplexGraphType>(schema.AllTypes.OfType<IInterfaceGraphType>())
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t.Fields.Where(f => Readers.Of(f, t) is null).Select(f => $"{t.Name}.{f.Name}")).ToList();
        Assert.True(missing.Count == 0, "No access policy: " + string.Join(", ", missing));
    }
}
