using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Who owes whom for shared staff and courses, on SQLite and PostgreSQL: splits that add up to the cent with the
/// remainder on the stated member, invoices per pair of districts once per period, payments that never pass an
/// invoice under 50 writers, one net balance per neighbor, and only the two districts' staff reading an invoice.
/// </summary>
public abstract class CostSharingTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1);
    private const string Pathologist = "Shared Speech-Language Pathologist", Physics = "AP Physics by Video Link";
    private const string WhiteBirch = "3300820", RiverValley = "3301040", GreenMountain = "5000530";

    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);
    private string Staff(string district) => server.TokenFor("district-staff", districts: [district], consortia: [Northern]);

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection = "", string? token = null, bool dryRun = false) =>
        (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input, dryRun: {(dryRun ? "true" : "false")}) {{ {selection} {Errors} }} }}", new { input }, token ?? Admin))
        .GetProperty(field);

    private async Task<JsonElement> Node(string id, string selection, string? token = null) =>
        (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", new { id }, token ?? Admin)).GetProperty("node");

    private async Task<Dictionary<string, decimal>> Balances(string code, string token) =>
        (await server.QueryAsync("query($code: String!) { district(code: $code) { balances { counterparty { code } net } } }", new { code }, token))
        .GetProperty("district").GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("counterparty").GetProperty("code").GetString()!, b => b.GetProperty("net").GetDecimal());

    [DatabaseFact]
    public async Task The_demo_pathologists_year_of_invoices_nets_to_one_unpaid_quarter_and_each_district_reads_its_own()
    {
        var slp = await server.PartnershipIdAsync(Pathologist);
        var all = await Node(slp, "... on Partnership { sharedPositions { annualCost shares { district { code } basis } } invoices(first: 20) { totalCount nodes { period amount paid status debtor { code } } } }");
        Assert.Equal(88_942.10m, all.GetProperty("sharedPositions")[0].GetProperty("annualCost").GetDecimal());
        var invoices = all.GetProperty("invoices").GetProperty("nodes").EnumerateArray().Where(i => i.GetProperty("period").GetString()!.StartsWith("2025-26", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, invoices.Count);
        // A quarter is 22,235.52 (half to even); 0.35 of it is 7,782.432 and 0.25 is 5,558.88: the lost fraction of a cent is White Birch's.
        Assert.All(invoices.Where(i => i.GetProperty("debtor").GetProperty("code").GetString() == RiverValley), i => Assert.Equal(7_782.43m, i.GetProperty("amount").GetDecimal()));
        Assert.All(invoices.Where(i => i.GetProperty("debtor").GetProperty("code").GetString() == GreenMountain), i => Assert.Equal(5_558.88m, i.GetProperty("amount").GetDecimal()));
        Assert.Single(invoices, i => i.GetProperty("status").GetString() == "OVERDUE");

        Assert.Equal(new Dictionary<string, decimal> { [GreenMountain] = 5_558.88m }, await Balances(WhiteBirch, Staff(WhiteBirch)));
        Assert.Equal(new Dictionary<string, decimal> { [WhiteBirch] = -5_558.88m }, await Balances(GreenMountain, Staff(GreenMountain)));
        // Another district's staff do not read White Birch's balances; River Valley reads only its own invoices.
        Assert.Empty(await Balances(WhiteBirch, Staff(GreenMountain)));
        var own = await Node(slp, "... on Partnership { invoices(first: 20) { totalCount nodes { debtor { code } creditor { code } } } }", Staff(RiverValley));
        Assert.Equal(4, own.GetProperty("invoices").GetProperty("totalCount").GetInt32());
        Assert.All(own.GetProperty("invoices").GetProperty("nodes").EnumerateArray(), i => Assert.Equal(RiverValley, i.GetProperty("debtor").GetProperty("code").GetString()));

        // The same balances as a spreadsheet, for the district's own staff only.
        using var client = server.CreateClient();
        async Task<(System.Net.HttpStatusCode Status, string Body)> Export(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/reports/balances.csv?districtId={Uri.EscapeDataString(await server.DistrictIdAsync(WhiteBirch))}");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var (status, csv) = await Export(Staff(WhiteBirch));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(["district_code,district,counterparty_code,counterparty,owed_to_district,owed_by_district,net",
            "3300820,White Birch Cooperative School District,5000530,Green Mountain Union School District,5558.88,0.00,5558.88"], csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Single((await Export(Staff(GreenMountain))).Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [DatabaseFact]
    public async Task A_period_is_invoiced_once_split_to_the_cent_and_paid_never_past_its_amount()
    {
        // Three Maine districts with no invoices between them yet: Penobscot Bay leads and employs.
        const string Penobscot = "2300260", Casco = "2300480", Kennebec = "2300150";
        var (bay, casco, kennebec) = (await server.DistrictIdAsync(Penobscot), await server.DistrictIdAsync(Casco), await server.DistrictIdAsync(Kennebec));
        var created = await Mutate("createPartnership", "CreatePartnershipInput", new
        {
            consortiumId = Northern, name = $"Shared therapist {Guid.NewGuid():N}", kind = "SHARED_STAFF", leadDistrictId = bay, memberDistrictIds = new[] { bay, casco, kennebec },
            agreementTitle = "MOU", agreementTerms = "The therapist's cost is split by the hours worked for each member.",
        }, "partnership { id }");
        AssertOk(created);
        var partnership = created.GetProperty("partnership").GetProperty("id").GetString()!;
        var lead = Staff(Penobscot);
        var define = new
        {
            partnershipId = partnership, title = "Occupational therapist", kind = "CONTRACTED_SERVICE", employingDistrictId = bay, annualSalary = 61_000.00m, annualBenefits = 0m,
            method = "BY_HOURS", remainderDistrictId = casco, startsOn = "2026-08-24",
            shares = new[] { new { districtId = bay, basis = 10.0 }, new { districtId = casco, basis = 7.0 }, new { districtId = kennebec, basis = 4.0 } },
        };
        AssertError(await Mutate("defineSharedPosition", "DefineSharedPositionInput", define, "sharedPosition { id }", Staff(Casco)), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "partnershipId");
        AssertError(await Mutate("defineSharedPosition", "DefineSharedPositionInput", define with { method = "FIXED_SHARES" }, "sharedPosition { id }", lead), "ValidationError", "SHARES_NOT_100", "input", "shares");
        AssertOk(await Mutate("defineSharedPosition", "DefineSharedPositionInput", define, "sharedPosition { annualCost }", lead));

        var issue = new { partnershipId = partnership, period = "2026-27 Q1", months = 3 };
        AssertOk(await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", issue, "invoices { id }", lead, dryRun: true));
        AssertError(await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", issue, "invoices { id }", Staff(Kennebec)), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "partnershipId");
        var issued = await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", issue, "invoices { id amount debtor { code } creditor { code } dueOn lines { description amount } }", lead);
        AssertOk(issued);
        var byDebtor = issued.GetProperty("invoices").EnumerateArray().ToDictionary(i => i.GetProperty("debtor").GetProperty("code").GetString()!);
        // The quarter, 15,250.00, by 10:7:4 hours: 7,261.90, 5,083.33 and 2,904.76 rounded down; the cent left over is Casco's, as stated.
        Assert.Equal(5_083.34m, byDebtor[Casco].GetProperty("amount").GetDecimal());
        Assert.Equal(2_904.76m, byDebtor[Kennebec].GetProperty("amount").GetDecimal());
        Assert.Equal(2, byDebtor.Count);
        Assert.All(byDebtor.Values, i => Assert.Equal(Penobscot, i.GetProperty("creditor").GetProperty("code").GetString()));
        Assert.Equal("2026-10-31", byDebtor[Kennebec].GetProperty("dueOn").GetString());
        AssertError(await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", issue, "invoices { id }", lead), "RuleViolation", "ALREADY_INVOICED", "input", "period");

        var kennebecInvoice = byDebtor[Kennebec].GetProperty("id").GetString()!;
        AssertError(await Mutate("recordPayment", "RecordInvoicePaymentInput", new { invoiceId = kennebecInvoice, amount = 100m }, "interDistrictInvoice { id }", Staff(Casco)),
            "ValidationError", "NOT_FOUND", "input", "invoiceId");
        AssertOk(await Mutate("recordPayment", "RecordInvoicePaymentInput", new { invoiceId = kennebecInvoice, amount = 2_000m, reference = "ACH 2610" }, "interDistrictInvoice { status }", Staff(Kennebec)));
        AssertError(await Mutate("recordPayment", "RecordInvoicePaymentInput", new { invoiceId = kennebecInvoice, amount = 904.77m }, "interDistrictInvoice { id }", Staff(Kennebec)),
            "RuleViolation", "OVERPAYMENT", "input", "amount");
        Assert.Equal(new Dictionary<string, decimal> { [Casco] = 5_083.34m, [Kennebec] = 904.76m }, await Balances(Penobscot, lead));

        // Fifty payments of 110.00 at once on Casco's 5,083.34: 46 fit, none passes the invoice.
        var cascoInvoice = byDebtor[Casco].GetProperty("id").GetString()!;
        var payer = Staff(Casco);
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            while (true)
            {
                var payload = await Mutate("recordPayment", "RecordInvoicePaymentInput", new { invoiceId = cascoInvoice, amount = 110m, reference = $"Check {i}" }, "interDistrictInvoice { id }", payer);
                if (payload.GetProperty("errors").GetArrayLength() == 0) return "OK";
                var code = payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
                if (code != "CONFLICT") return code;
            }
        }).ToList();
        start.Release(50);
        var outcomes = await Task.WhenAll(writers);
        Assert.Equal((46, 4), (outcomes.Count(o => o == "OK"), outcomes.Count(o => o == "OVERPAYMENT")));
        var paid = await Node(cascoInvoice, "... on InterDistrictInvoice { paid outstanding payments { amount } }");
        Assert.Equal((5_060.00m, 23.34m, 46), (paid.GetProperty("paid").GetDecimal(), paid.GetProperty("outstanding").GetDecimal(), paid.GetProperty("payments").GetArrayLength()));
        Assert.Equal(-23.34m, (await Balances(Casco, payer))[Penobscot]);

        var delivery = (await Node(partnership, "... on Partnership { promisedAndDelivered { district { code } invoiced paid } }")).GetProperty("promisedAndDelivered")
            .EnumerateArray().ToDictionary(r => r.GetProperty("district").GetProperty("code").GetString()!);
        Assert.Equal((5_083.34m, 5_060.00m), (delivery[Casco].GetProperty("invoiced").GetDecimal(), delivery[Casco].GetProperty("paid").GetDecimal()));
        var own = (await Node(partnership, "... on Partnership { promisedAndDelivered { district { code } } }", Staff(Kennebec))).GetProperty("promisedAndDelivered");
        Assert.Equal([Kennebec], own.EnumerateArray().Select(r => r.GetProperty("district").GetProperty("code").GetString()));
    }

    [DatabaseFact]
    public async Task Another_consortiums_credentials_do_not_reach_a_partnerships_invoices_and_fifty_issuers_invoice_a_period_once()
    {
        var slp = await server.PartnershipIdAsync(Pathologist);
        var upperValley = GlobalId.Encode("Consortium", 2);
        var invoice = (await Node(slp, "... on Partnership { invoices(first: 1) { nodes { id debtor { code } } } }", Staff(RiverValley))).GetProperty("invoices").GetProperty("nodes")[0];
        Assert.Equal(RiverValley, invoice.GetProperty("debtor").GetProperty("code").GetString());
        // River Valley is in both consortia; with a credential for Upper Valley it does not reach its own Northern invoice.
        var scoped = server.TokenFor("district-staff", districts: [RiverValley], consortia: [upperValley]);
        AssertError(await Mutate("recordPayment", "RecordInvoicePaymentInput", new { invoiceId = invoice.GetProperty("id").GetString(), amount = 1m }, "interDistrictInvoice { id }", scoped),
            "ValidationError", "NOT_FOUND", "input", "invoiceId");
        AssertError(await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", new { partnershipId = slp, period = "2027-28", months = 12 }, "invoices { id }",
            server.TokenFor("consortium-admin", consortia: [upperValley])), "ValidationError", "NOT_FOUND", "input", "partnershipId");

        var birch = await server.DistrictIdAsync(WhiteBirch);
        AssertError(await Mutate("defineSharedPosition", "DefineSharedPositionInput", new
        {
            partnershipId = slp, title = "Aide", kind = "EMPLOYEE", employingDistrictId = birch, annualSalary = 30_000m, annualBenefits = 0m, method = "BY_FTE", startsOn = "2026-08-24",
            shares = new[] { new { districtId = await server.DistrictIdAsync(RiverValley), basis = 0.5 }, new { districtId = await server.DistrictIdAsync(GreenMountain), basis = 0.5 } },
        }, "sharedPosition { id }", Staff(WhiteBirch)), "RuleViolation", "EMPLOYER_MUST_SHARE", "input", "employingDistrictId");
        AssertError(await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", new { partnershipId = await server.PartnershipIdAsync(Physics), period = "2030-31", months = 12 },
            "invoices { id }", Staff("5000420")), "RuleViolation", "NOTHING_TO_INVOICE", "input", "period");

        // Fifty issuers at once: one set of invoices; the others are told it exists.
        using var start = new SemaphoreSlim(0);
        var issuers = Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.WaitAsync();
            var payload = await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", new { partnershipId = slp, period = "2027-28 Q1", months = 3 }, "invoices { id }", Staff(WhiteBirch));
            return payload.GetProperty("errors").GetArrayLength() == 0 ? "OK" : payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
        }).ToList();
        start.Release(50);
        var outcomes = await Task.WhenAll(issuers);
        Assert.Equal(1, outcomes.Count(o => o == "OK"));
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Contains(o, new[] { "ALREADY_INVOICED", "CONFLICT" }));
        var issued = (await Node(slp, "... on Partnership { invoices(first: 50) { nodes { period } } }")).GetProperty("invoices").GetProperty("nodes").EnumerateArray()
            .Count(i => i.GetProperty("period").GetString() == "2027-28 Q1");
        Assert.Equal(2, issued);
    }

    [DatabaseFact]
    public async Task A_shared_courses_seats_are_recorded_per_term_and_billed_by_the_host()
    {
        var physics = await server.PartnershipIdAsync(Physics);
        var host = Staff("5000420");
        var (riverside, aroostook) = (await server.DistrictIdAsync("5000310"), await server.DistrictIdAsync("2300370"));
        object Seats(int a, int b) => new { partnershipId = physics, term = "2026-27 S1", costPerSeat = 600.00m, enrollments = new[] { new { districtId = riverside, students = a }, new { districtId = aroostook, students = b } } };
        AssertOk(await Mutate("recordCourseEnrollments", "RecordCourseEnrollmentsInput", Seats(2, 1), "partnership { id }", host));
        AssertOk(await Mutate("recordCourseEnrollments", "RecordCourseEnrollmentsInput", Seats(3, 1), "partnership { id }", host));
        AssertError(await Mutate("recordCourseEnrollments", "RecordCourseEnrollmentsInput", new { partnershipId = physics, term = "2026-27 S3", costPerSeat = 1m, enrollments = Array.Empty<object>() }, "partnership { id }", host),
            "ValidationError", "INVALID_PERIOD", "input", "term");
        AssertError(await Mutate("recordCourseEnrollments", "RecordCourseEnrollmentsInput", new
        {
            partnershipId = await server.PartnershipIdAsync(Pathologist), term = "2026-27", costPerSeat = 1m, enrollments = new[] { new { districtId = await server.DistrictIdAsync(WhiteBirch), students = 1 } },
        }, "partnership { id }", Staff(WhiteBirch)), "RuleViolation", "NOT_A_SHARED_COURSE", "input", "partnershipId");
        var issued = await Mutate("issueInterDistrictInvoices", "IssueInterDistrictInvoicesInput", new { partnershipId = physics, period = "2026-27 S1", months = 6 },
            "invoices { amount debtor { code } creditor { code } }", host);
        AssertOk(issued);
        Assert.Equal([("5000310", 1_800.00m), ("2300370", 600.00m)], issued.GetProperty("invoices").EnumerateArray()
            .Select(i => (i.GetProperty("debtor").GetProperty("code").GetString()!, i.GetProperty("amount").GetDecimal())).OrderByDescending(i => i.Item2));
        AssertError(await Mutate("recordCourseEnrollments", "RecordCourseEnrollmentsInput", Seats(5, 1), "partnership { id }", host), "RuleViolation", "ALREADY_INVOICED", "input", "term");
        // Riverside's staff read Riverside's seats, the host's staff every member's.
        var seen = (await Node(physics, "... on Partnership { courseEnrollments { term district { code } students cost } }", Staff("5000310"))).GetProperty("courseEnrollments");
        Assert.All(seen.EnumerateArray(), e => Assert.Equal("5000310", e.GetProperty("district").GetProperty("code").GetString()));
        Assert.Contains(seen.EnumerateArray(), e => e.GetProperty("term").GetString() == "2026-27 S1" && e.GetProperty("cost").GetDecimal() == 1_800.00m);
        Assert.True((await Node(physics, "... on Partnership { courseEnrollments { term } }", host)).GetProperty("courseEnrollments").GetArrayLength() >= 6);
        // Recorded and replaced seats are in the consortium's trail, before and after.
        await using var db = server.OpenDatabase();
        var trail = db.AuditEntries.Where(a => a.Operation == "recordCourseEnrollments" && a.EntityType == "CourseEnrollment").OrderBy(a => a.Id).ToList();
        // Only the member whose seats changed is modified when the term is recorded again.
        Assert.Equal(["Added", "Added", "Modified"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal(1, a.ConsortiumId));
        Assert.Contains("[2,3]", trail[2].Changes.Replace(" ", ""));
    }
}

public sealed class SqliteCostSharingTests(SqliteServer server) : CostSharingTests<SqliteServer>(server);

public sealed class PostgreSqlCostSharingTests(PostgreSqlServer server) : CostSharingTests<PostgreSqlServer>(server), IPostgreSqlSuite;
