using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Every role against every mutation and every sensitive field, as a table: A allowed, D denied
/// (NOT_AUTHORIZED before anything runs). Columns: consortium admin, Riverside staff, a funder, anonymous, platform admin.
/// A mutation missing from the table, or a field without a policy, fails a test.
/// </summary>
public sealed class AccessMatrixTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly string[] Users = ["consortium-admin", "staff-5000310", "funder-1", "", "platform-admin"];

    // What each role may select. Rows: a selection that reaches the field; the field it is about.
    public static readonly TheoryData<string, string, string> Fields = new()
    {
        { "Query.consortia", "{ consortia { name } }", "AAAAA" },
        { "Query.districts", "{ districts(first: 1) { nodes { name enrollment } } }", "AAAAA" },
        { "Query.partnerships (names)", "{ partnerships(first: 1) { nodes { name kind status } } }", "AAAAA" },
        { "Partnership.members", "{ partnerships(first: 1) { nodes { members { role } } } }", "AAADA" },
        { "Partnership.sharedGoal", "{ partnerships(first: 1) { nodes { sharedGoal } } }", "AAADA" },
        { "Query.commitments", "{ commitments(first: 1) { totalCount } }", "AAADA" },
        { "District.staffCapacityFte", "{ districts(first: 1) { nodes { staffCapacityFte } } }", "AAADA" },
        { "Query.funders", "{ funders { name } }", "AAADA" },
        { "Agreement.terms", "{ partnerships(first: 1) { nodes { agreement { terms } } } }", "AAADA" },
        { "Signature.signedBy (staff names)", "{ partnerships(first: 1) { nodes { agreement { signatures { signedBy } } } } }", "AADDA" },
        { "Vote.comment", "{ partnerships(first: 1) { nodes { decisions(first: 1) { nodes { votes { comment } } } } } }", "AADDA" },
        { "District.local (local fields)", "{ districts(first: 1) { nodes { local { _plugins } } } }", "AADDA" },
        { "District.calendar", "{ districts(first: 1) { nodes { calendar(from: \"2026-10-01\", to: \"2026-10-02\") { date } } } }", "AADDA" },
        { "Query.commonDays", "{ commonDays(districtIds: [], from: \"2026-10-01\", to: \"2026-10-02\", inSession: true) }", "AADDA" },
        { "Query.localFieldDefinitions", "{ localFieldDefinitions { name } }", "AADDA" },
        { "Query.plugins", "{ plugins { key } }", "AADDA" },
        { "Query.auditLog", "{ auditLog(first: 1) { totalCount } }", "ADDDA" },
        { "Query.apiKeys", "{ apiKeys { name } }", "ADDDA" },
        { "Query.fundingReport", "{ fundingReport { grants { partnership } } }", "ADADA" },
        { "Consortium.leagues (the League: staff and admins)", "{ consortia { leagues { name members { school { name } } distribution { median } } } }", "AADDA" },
        { "School.leagueMemberships", "{ districts(first: 1) { nodes { schools(first: 1) { nodes { leagueMemberships { status } } } } } }", "AADDA" },
        { "Consortium.rollup", "{ consortia { rollup(indicator: \"X\", groupBy: STATE) { value } } }", "AAADA" },
        { "Partnership.impact", "{ partnerships(first: 1) { nodes { impact { savings } } } }", "AAADA" },
        { "Grant.financials", "{ funders { grants { financials { spent byMember { spent } burnRate { pace } } } } }", "AAADA" },
        { "Grant.expenditures", "{ funders { grants { expenditures(first: 1) { nodes { amount description } } budget { amount } drawdowns { amount } reports { status } } } }", "AAADA" },
        { "Funder.contactEmail", "{ funders { contactEmail } }", "AADDA" },
        { "Grant.closeoutNote", "{ funders { grants { closeoutNote } } }", "AADDA" },
        { "PurchasingRound.quotes", "{ partnerships(first: 1) { nodes { purchasingRounds { quotes { unitPrice vendor { name } } } } } }", "AADDA" },
        { "Partnership.purchases", "{ partnerships(first: 1) { nodes { purchases(first: 1) { nodes { saved } } purchasingRounds { item contract { unitPrice savings savingsByMember { saved } } } impact { savingsByMember { saved } } } } }", "AAADA" },
        { "Consortium.vendors", "{ consortia { vendors { name } } }", "AADDA" },
        { "Partnership.invoices", "{ partnerships(first: 1) { nodes { invoices(first: 1) { nodes { amount outstanding status lines { amount } payments { amount } } } sharedPositions { annualCost shares { basis } } courseEnrollments { cost } promisedAndDelivered { invoiced } } } }", "AADDA" },
        { "District.balances", "{ districts(first: 1) { nodes { balances { net } } } }", "AADDA" },
        { "Query.agreementsExpiring", "{ agreementsExpiring(within: 365) { totalCount } }", "AADDA" },
        { "Decision.proposedBy", "{ partnerships(first: 1) { nodes { decisions(first: 1) { nodes { proposedBy { code } withdrawalReason proposedDecisionRights { area } } } } } }", "AAADA" },
    };

    // Every mutation, as a dry run with input shaped well enough to pass validation.
    public static readonly TheoryData<string, string, string> Mutations = new()
    {
        { "createPartnership", """createPartnership(dryRun: true, input: { consortiumId: "x", name: "x", kind: ADVOCACY, leadDistrictId: "x", memberDistrictIds: [], agreementTitle: "x", agreementTerms: "x" })""", "AADDA" },
        { "joinPartnership", """joinPartnership(dryRun: true, input: { partnershipId: "x", districtId: "x" })""", "AADDA" },
        { "signAgreement", """signAgreement(dryRun: true, input: { agreementId: "x", districtId: "x", signedBy: "x" })""", "AADDA" },
        { "createCommitment", """createCommitment(dryRun: true, input: { partnershipId: "x", districtId: "x", title: "x" })""", "AADDA" },
        { "reportProgress", """reportProgress(dryRun: true, input: { commitmentId: "x", status: ON_TRACK })""", "AADDA" },
        { "proposeDecision", """proposeDecision(dryRun: true, input: { partnershipId: "x", area: "x", title: "x", deadline: "2030-01-01T00:00:00Z" })""", "AADDA" },
        { "castVote", """castVote(dryRun: true, input: { decisionId: "x", districtId: "x", choice: YES })""", "AADDA" },
        { "setLocalFields", """setLocalFields(dryRun: true, input: { id: "x", plugin: "x", values: {} })""", "AADDA" },
        { "createApiKey", """createApiKey(dryRun: true, input: { name: "x", role: FUNDER })""", "ADDDA" },
        { "reportIndicatorValues", """reportIndicatorValues(dryRun: true, input: { districtId: "x", period: "2025-26", values: [] })""", "AADDA" },
        { "defineIndicator", """defineIndicator(dryRun: true, input: { consortiumId: "x", code: "X", name: "x", unit: "percent", aggregation: SUM })""", "ADDDA" },
        { "setDataSharingConsent", """setDataSharingConsent(dryRun: true, input: { districtId: "x", indicator: "X", sharedWithFunders: true })""", "AADDA" },
        { "revokeApiKey", """revokeApiKey(dryRun: true, input: { id: "x" })""", "ADDDA" },
        { "approvePlugin", """approvePlugin(dryRun: true, input: { key: "x", sha256: "x" })""", "ADDDA" },
        { "revokePluginApproval", """revokePluginApproval(dryRun: true, input: { key: "x", sha256: "x" })""", "ADDDA" },
        { "createConsortium", """createConsortium(dryRun: true, input: { name: "x", sharedGoal: "x" })""", "DDDDA" },
        { "updateConsortium", """updateConsortium(dryRun: true, input: { id: "x" })""", "ADDDA" },
        { "addConsortiumMember", """addConsortiumMember(dryRun: true, input: { consortiumId: "x", districtId: "x" })""", "ADDDA" },
        { "createDistrict", """createDistrict(dryRun: true, input: { code: "x", name: "x", state: "VT", locale: RURAL, enrollment: 1 })""", "DDDDA" },
        { "updateDistrict", """updateDistrict(dryRun: true, input: { id: "x" })""", "DDDDA" },
        { "createSchool", """createSchool(dryRun: true, input: { code: "x", name: "x", districtId: "x", enrollment: 1 })""", "DDDDA" },
        { "updateSchool", """updateSchool(dryRun: true, input: { id: "x" })""", "DDDDA" },
        { "removeConsortiumMember", """removeConsortiumMember(dryRun: true, input: { consortiumId: "x", districtId: "x" })""", "ADDDA" },
        { "archiveConsortium", """archiveConsortium(dryRun: true, input: { id: "x", reason: "x" })""", "DDDDA" },
        { "closeDistrict", """closeDistrict(dryRun: true, input: { id: "x" })""", "DDDDA" },
        { "closeSchool", """closeSchool(dryRun: true, input: { id: "x" })""", "DDDDA" },
        { "publishCalendar", """publishCalendar(dryRun: true, input: { districtId: "x", schoolYear: "2027-28", firstDay: "2027-08-25", lastDay: "2028-06-12" })""", "AADDA" },
        { "importCalendar", """importCalendar(dryRun: true, input: { districtId: "x", schoolYear: "2027-28", file: null })""", "AADDA" },
        { "importDirectory", """importDirectory(dryRun: true, input: { lea: null })""", "DDDDA" },
        { "updatePartnership", """updatePartnership(dryRun: true, input: { id: "x" })""", "AADDA" },
        { "changeMemberRoles", """changeMemberRoles(dryRun: true, input: { partnershipId: "x", members: [] })""", "AADDA" },
        { "leavePartnership", """leavePartnership(dryRun: true, input: { partnershipId: "x", districtId: "x" })""", "AADDA" },
        { "completePartnership", """completePartnership(dryRun: true, input: { partnershipId: "x" })""", "AADDA" },
        { "dissolvePartnership", """dissolvePartnership(dryRun: true, input: { partnershipId: "x", reason: "x" })""", "AADDA" },
        { "amendAgreement", """amendAgreement(dryRun: true, input: { partnershipId: "x", terms: "x", changeSummary: "x" })""", "AADDA" },
        { "renewAgreement", """renewAgreement(dryRun: true, input: { partnershipId: "x", expiresOn: "2030-06-30" })""", "AADDA" },
        { "updateCommitment", """updateCommitment(dryRun: true, input: { commitmentId: "x" })""", "AADDA" },
        { "reopenCommitment", """reopenCommitment(dryRun: true, input: { commitmentId: "x" })""", "AADDA" },
        { "withdrawDecision", """withdrawDecision(dryRun: true, input: { decisionId: "x", reason: "x" })""", "AADDA" },
        { "createFunder", """createFunder(dryRun: true, input: { name: "x" })""", "ADDDA" },
        { "updateFunder", """updateFunder(dryRun: true, input: { id: "x" })""", "ADDDA" },
        { "recordGrant", """recordGrant(dryRun: true, input: { funderId: "x", partnershipId: "x", amount: 1, startsOn: "2026-01-01", endsOn: "2026-12-31" })""", "AADDA" },
        { "amendGrant", """amendGrant(dryRun: true, input: { grantId: "x", reason: "x" })""", "AADDA" },
        { "closeGrant", """closeGrant(dryRun: true, input: { grantId: "x" })""", "AADDA" },
        { "reviseGrantBudget", """reviseGrantBudget(dryRun: true, input: { grantId: "x", reason: "x", lines: [] })""", "AADDA" },
        { "recordDrawdown", """recordDrawdown(dryRun: true, input: { grantId: "x", amount: 1 })""", "AADDA" },
        { "receiveDrawdown", """receiveDrawdown(dryRun: true, input: { drawdownId: "x", amount: 1 })""", "AADDA" },
        { "recordExpenditure", """recordExpenditure(dryRun: true, input: { grantId: "x", spentOn: "2026-01-01", category: TRAVEL, amount: 1, description: "x" })""", "AADDA" },
        { "reverseExpenditure", """reverseExpenditure(dryRun: true, input: { expenditureId: "x", reason: "x" })""", "AADDA" },
        { "submitGrantReport", """submitGrantReport(dryRun: true, input: { reportId: "x" })""", "AADDA" },
        { "createLeague", """createLeague(dryRun: true, input: { consortiumId: "x", name: "x", commitment: "x" })""", "ADDDA" },
        { "defineFramework", """defineFramework(dryRun: true, input: { leagueId: "x", name: "x", levels: ["a", "b"], dimensions: [] })""", "ADDDA" },
        { "joinLeague", """joinLeague(dryRun: true, input: { leagueId: "x", schoolId: "x" })""", "AADDA" },
        { "signLetterOfCommitment", """signLetterOfCommitment(dryRun: true, input: { membershipId: "x", signatory: PRINCIPAL, signedBy: "x" })""", "AADDA" },
        { "leaveLeague", """leaveLeague(dryRun: true, input: { membershipId: "x", reason: "x" })""", "AADDA" },
        { "recordSelfAssessment", """recordSelfAssessment(dryRun: true, input: { membershipId: "x", assessedOn: "2026-09-01", ratings: [] })""", "AADDA" },
        { "createVendor", """createVendor(dryRun: true, input: { consortiumId: "x", name: "x" })""", "AADDA" },
        { "openPurchasingRound", """openPurchasingRound(dryRun: true, input: { partnershipId: "x", item: "x", unit: "x", estimatedQuantity: 1, quotesDueOn: "2030-01-01" })""", "AADDA" },
        { "recordQuote", """recordQuote(dryRun: true, input: { roundId: "x", vendorId: "x", unitPrice: 1 })""", "AADDA" },
        { "awardContract", """awardContract(dryRun: true, input: { roundId: "x", quoteId: "x", startsOn: "2026-01-01", endsOn: "2026-12-31" })""", "AADDA" },
        { "cancelPurchasingRound", """cancelPurchasingRound(dryRun: true, input: { roundId: "x", reason: "x" })""", "AADDA" },
        { "recordPurchase", """recordPurchase(dryRun: true, input: { contractId: "x", districtId: "x", quantity: 1, purchasedOn: "2026-01-01", standaloneUnitPrice: 1, standalonePriceSource: QUOTE })""", "AADDA" },
        { "importPurchases", """importPurchases(dryRun: true, input: { contractId: "x", file: null })""", "AADDA" },
        { "defineSharedPosition", """defineSharedPosition(dryRun: true, input: { partnershipId: "x", title: "x", kind: EMPLOYEE, employingDistrictId: "x", annualSalary: 1, annualBenefits: 0, method: BY_FTE, shares: [], startsOn: "2026-01-01" })""", "AADDA" },
        { "recordCourseEnrollments", """recordCourseEnrollments(dryRun: true, input: { partnershipId: "x", term: "2026-27", costPerSeat: 1, enrollments: [] })""", "AADDA" },
        { "issueInterDistrictInvoices", """issueInterDistrictInvoices(dryRun: true, input: { partnershipId: "x", period: "2026-27", months: 12 })""", "AADDA" },
        { "recordPayment", """recordPayment(dryRun: true, input: { invoiceId: "x", amount: 1 })""", "AADDA" },
        { "extendDecisionDeadline", """extendDecisionDeadline(dryRun: true, input: { decisionId: "x", deadline: "2030-01-01T00:00:00Z" })""", "AADDA" },
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
