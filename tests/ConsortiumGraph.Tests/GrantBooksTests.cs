using System.Text.Json;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Tests.Infrastructure;
using static ConsortiumGraph.Tests.Infrastructure.PayloadAssert;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Grants and the fiscal agent's books through the API, on SQLite and PostgreSQL: the demo grant's figures
/// against hand-computed ones to the cent, a grant recorded, budgeted, drawn, spent, amended and closed, the
/// caps that hold under 50 writers, and who may read and write which rows.
/// </summary>
public abstract class GrantBooksTests<TServer>(TServer server) : IClassFixture<TServer> where TServer : ConsortiumServer
{
    private static readonly string Northern = GlobalId.Encode("Consortium", 1), UpperValley = GlobalId.Encode("Consortium", 2);
    private const string Proficiency = "Proficiency-Based Learning Grant";
    private const string Financials = """
        financials(asOf: "2026-10-01") {
          asOf awarded budgeted unbudgeted spent remaining drawnDown received cashOnHand matchRequired matchMet matchRemaining matchIsMet
          byCategory { category budgeted spent remaining } byMember { district { code } budgeted spent remaining }
          burnRate { periodElapsed awardSpent spentPerMonth projectedAtEnd pace }
        }
        """;

    private string Admin => server.TokenFor("consortium-admin", consortia: [Northern]);
    private string Staff(string district, string consortium = "") => server.TokenFor("district-staff", districts: [district], consortia: [consortium == "" ? Northern : consortium]);

    private async Task<JsonElement> Mutate(string field, string inputType, object input, string selection = "", string? token = null, bool dryRun = false) =>
        (await server.QueryAsync($"mutation($input: {inputType}!) {{ {field}(input: $input, dryRun: {(dryRun ? "true" : "false")}) {{ {selection} {Errors} }} }}", new { input }, token ?? Admin))
        .GetProperty(field);

    private async Task<JsonElement> Grants(string token, string selection) =>
        (await server.QueryAsync($$"""query($id: ID!) { node(id: $id) { ... on Partnership { grants { funder { name } {{selection}} } } } }""",
            new { id = await server.PartnershipIdAsync(Proficiency) }, token)).GetProperty("node").GetProperty("grants");

    private async Task<JsonElement> Node(string id, string selection, string? token = null) =>
        (await server.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", new { id }, token ?? Admin)).GetProperty("node");

    private static decimal Money(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [DatabaseFact]
    public async Task The_demo_grants_books_add_up_to_hand_computed_figures_to_the_cent()
    {
        var grants = await Grants(Admin, $"awardNumber budgetVersion {Financials} reports {{ title status }}");
        var tri = grants.EnumerateArray().Single(g => g.GetProperty("awardNumber").GetString() == "TSREF-2025-014");
        var f = tri.GetProperty("financials");
        Assert.Equal(2, tri.GetProperty("budgetVersion").GetInt32());
        // 14 months of 5,000 + 1,500; two institutes; five members' licenses at 6.50 (4,440 students); two rounds of travel; four quarters of indirect.
        Assert.Equal(194_718.58m, Money(f, "spent"));
        Assert.Equal(450_000.00m, Money(f, "awarded"));
        Assert.Equal(450_000.00m, Money(f, "budgeted"));
        Assert.Equal(0m, Money(f, "unbudgeted"));
        Assert.Equal(255_281.42m, Money(f, "remaining"));
        Assert.Equal(285_000m, Money(f, "drawnDown"));
        Assert.Equal(225_000m, Money(f, "received"));
        Assert.Equal(30_281.42m, Money(f, "cashOnHand"));
        Assert.Equal((45_000m, 21_000m, 24_000m, false), (Money(f, "matchRequired"), Money(f, "matchMet"), Money(f, "matchRemaining"), f.GetProperty("matchIsMet").GetBoolean()));
        Assert.Equal(
            [("PERSONNEL", 180_000m, 70_000m), ("BENEFITS", 54_000m, 21_000m), ("CONTRACTED_SERVICES", 81_000m, 60_500m), ("SUPPLIES", 96_000m, 28_860m),
                ("TRAVEL", 18_000m, 7_358.58m), ("INDIRECT", 21_000m, 7_000m)],
            f.GetProperty("byCategory").EnumerateArray().Select(c => (c.GetProperty("category").GetString()!, Money(c, "budgeted"), Money(c, "spent"))));
        Assert.Equal(
            [("5000420", 20_000m, 5_590m), ("5000640", 22_000m, 7_670m), ("2300260", 17_500m, 4_680m), ("2300480", 18_500m, 6_760m), ("3300710", 18_000m, 4_160m)],
            f.GetProperty("byMember").EnumerateArray().Select(m => (m.GetProperty("district").GetProperty("code").GetString()!, Money(m, "budgeted"), Money(m, "spent")))
                .OrderBy(m => m.Item1 == "3300710").ThenBy(m => m.Item1 is "2300260" or "2300480").ThenBy(m => m.Item1));
        // 2025-07-01 to 2028-06-30 is 1,096 days; 458 of them have run on 2026-10-01.
        var burn = f.GetProperty("burnRate");
        Assert.Equal(0.4179, burn.GetProperty("periodElapsed").GetDouble());
        Assert.Equal(0.4327, burn.GetProperty("awardSpent").GetDouble());
        Assert.Equal(12_940.50m, Money(burn, "spentPerMonth"));
        Assert.Equal(465_964.11m, Money(burn, "projectedAtEnd"));
        Assert.Equal("ON_PACE", burn.GetProperty("pace").GetString());
        Assert.Equal(["SUBMITTED", "SUBMITTED_LATE", "DUE", "DUE", "DUE"], tri.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("status").GetString()));

        var lakeshore = grants.EnumerateArray().Single(g => g.GetProperty("awardNumber").GetString() == "LCF-2025-33").GetProperty("financials");
        Assert.Equal(72_942.95m, Money(lakeshore, "spent"));
        Assert.Equal(2_057.05m, Money(lakeshore, "remaining"));
        Assert.Equal(2_057.05m, Money(lakeshore, "cashOnHand"));
        Assert.Equal("ON_PACE", lakeshore.GetProperty("burnRate").GetProperty("pace").GetString());
    }

    [DatabaseFact]
    public async Task Staff_read_the_partnership_totals_and_only_their_own_districts_lines()
    {
        var selection = $"{Financials} budget {{ district {{ code }} amount }} expenditures(first: 100) {{ totalCount nodes {{ district {{ code }} amount }} }}";
        var everything = (await Grants(Admin, selection))[0];
        // Lakeport is a member: its own lines, the partnership-wide ones, and the same totals as the admin's.
        var lakeport = (await Grants(Staff("5000640"), selection))[0];
        Assert.Equal(everything.GetProperty("financials").GetProperty("spent").GetDecimal(), lakeport.GetProperty("financials").GetProperty("spent").GetDecimal());
        Assert.Equal(everything.GetProperty("financials").GetProperty("byCategory").ToString(), lakeport.GetProperty("financials").GetProperty("byCategory").ToString());
        Assert.Equal(["5000640"], lakeport.GetProperty("financials").GetProperty("byMember").EnumerateArray().Select(m => m.GetProperty("district").GetProperty("code").GetString()));
        Assert.All(lakeport.GetProperty("budget").EnumerateArray().Concat(lakeport.GetProperty("expenditures").GetProperty("nodes").EnumerateArray()),
            line => Assert.True(line.GetProperty("district").ValueKind == JsonValueKind.Null || line.GetProperty("district").GetProperty("code").GetString() == "5000640", line.ToString()));
        Assert.True(lakeport.GetProperty("expenditures").GetProperty("totalCount").GetInt32() < everything.GetProperty("expenditures").GetProperty("totalCount").GetInt32());
        // Riverside is not a member: the totals, no member's rows.
        var riverside = (await Grants(Staff("5000310"), selection))[0];
        Assert.Equal(0, riverside.GetProperty("financials").GetProperty("byMember").GetArrayLength());
        Assert.All(riverside.GetProperty("budget").EnumerateArray(), line => Assert.Equal(JsonValueKind.Null, line.GetProperty("district").ValueKind));
        // The fiscal agent's staff keep the books: every row.
        var agent = (await Grants(Staff("3300710"), selection))[0];
        Assert.Equal(everything.GetProperty("financials").GetProperty("byMember").ToString(), agent.GetProperty("financials").GetProperty("byMember").ToString());
        Assert.Equal(everything.GetProperty("expenditures").GetProperty("totalCount").GetInt32(), agent.GetProperty("expenditures").GetProperty("totalCount").GetInt32());
        // The funder reads its own grant's books in full, through its report too, and not the other funder's grant.
        var funder = await server.TokenAsync("funder-1");
        var report = (await server.QueryAsync($$"""{ fundingReport { grants { grant { awardNumber {{Financials}} } } } }""", token: funder)).GetProperty("fundingReport").GetProperty("grants");
        var funded = report.EnumerateArray().Single(g => g.GetProperty("grant").GetProperty("awardNumber").GetString() == "TSREF-2025-014").GetProperty("grant").GetProperty("financials");
        Assert.Equal(194_718.58m, funded.GetProperty("spent").GetDecimal());
        Assert.Equal(5, funded.GetProperty("byMember").GetArrayLength());
        var foundationGrant = (await Grants(Admin, "id awardNumber")).EnumerateArray().Single(g => g.GetProperty("awardNumber").GetString() == "LCF-2025-33").GetProperty("id").GetString()!;
        Assert.Equal(JsonValueKind.Null, (await Node(foundationGrant, "id", funder)).ValueKind);
        // Upper Valley's admin does not reach a Northern grant, not even by ID.
        Assert.Equal(JsonValueKind.Null, (await Node(foundationGrant, "id", server.TokenFor("consortium-admin", consortia: [UpperValley]))).ValueKind);
    }

    [DatabaseFact]
    public async Task Budget_against_actual_exports_as_csv_with_the_same_figures_and_the_same_readers()
    {
        var grant = (await Grants(Admin, "id awardNumber")).EnumerateArray().Single(g => g.GetProperty("awardNumber").GetString() == "TSREF-2025-014").GetProperty("id").GetString()!;
        using var client = server.CreateClient();
        async Task<(System.Net.HttpStatusCode Status, string[] Lines)> Export(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/reports/grant-budget.csv?grantId={Uri.EscapeDataString(grant)}&asOf=2026-10-01");
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        }
        var (status, lines) = await Export(await server.TokenAsync("funder-1"));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("funder,partnership,award_number,as_of,scope,name,district_code,budgeted,spent,remaining", lines[0]);
        Assert.Equal(1 + 6 + 5 + 1, lines.Length);
        Assert.Contains("Tri-State Rural Education Fund,Proficiency-Based Learning Grant,TSREF-2025-014,2026-10-01,category,TRAVEL,,18000.00,7358.58,10641.42", lines);
        Assert.Equal("Tri-State Rural Education Fund,Proficiency-Based Learning Grant,TSREF-2025-014,2026-10-01,total,award,,450000.00,194718.58,255281.42", lines[^1]);
        // A member's staff: the categories and the total, and their own district's row.
        var (_, lakeport) = await Export(Staff("5000640"));
        Assert.Equal(1 + 6 + 1 + 1, lakeport.Length);
        Assert.Single(lakeport, l => l.Contains(",member,", StringComparison.Ordinal) && l.Contains(",5000640,", StringComparison.Ordinal));
        // The other funder does not find it.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Export(server.TokenFor("funder", funder: GlobalId.Encode("Funder", 2)))).Status);
    }

    /// <summary>A new funder's grant on the proficiency partnership, as its fiscal agent's staff record it; returns the grant's ID.</summary>
    private async Task<string> NewGrant(decimal amount, string token, string starts = "2026-01-01", string ends = "2027-06-30", decimal match = 0, object[]? reports = null)
    {
        var funder = await Mutate("createFunder", "CreateFunderInput", new { name = $"Fund {Guid.NewGuid():N}", website = "https://fund.example.org", contactEmail = "grants@fund.example.org" }, "funder { id }");
        AssertOk(funder);
        var grant = await Mutate("recordGrant", "RecordGrantInput", new
        {
            funderId = funder.GetProperty("funder").GetProperty("id").GetString(), partnershipId = await server.PartnershipIdAsync(Proficiency),
            amount, startsOn = starts, endsOn = ends, matchRequired = match, awardNumber = $"A-{Guid.NewGuid():N}"[..20], reports = reports ?? [],
        }, "grant { id fiscalAgent { code } status }", token);
        AssertOk(grant);
        Assert.Equal("3300710", grant.GetProperty("grant").GetProperty("fiscalAgent").GetProperty("code").GetString());
        return grant.GetProperty("grant").GetProperty("id").GetString()!;
    }

    [DatabaseFact]
    public async Task A_grant_is_recorded_budgeted_drawn_spent_amended_and_closed_and_its_figures_follow()
    {
        var agent = Staff("3300710");
        var grant = await NewGrant(10_000m, agent, match: 1_000m, reports: [new { title = "Final report", dueOn = "2027-07-31" }]);
        var granite = await server.DistrictIdAsync("3300710");
        var lakeport = await server.DistrictIdAsync("5000640");
        var budget = await Mutate("reviseGrantBudget", "ReviseGrantBudgetInput", new
        {
            grantId = grant, reason = "Initial budget",
            lines = new object[]
            {
                new { category = "CONTRACTED_SERVICES", amount = 6_000.00m, description = "Coaching" },
                new { category = "SUPPLIES", districtId = lakeport, amount = 2_500.10m },
                new { category = "SUPPLIES", districtId = granite, amount = 1_499.90m },
            },
        }, "grant { budgetVersion budget { amount } }", agent);
        AssertOk(budget);
        Assert.Equal(1, budget.GetProperty("grant").GetProperty("budgetVersion").GetInt32());

        var drawdown = await Mutate("recordDrawdown", "RecordDrawdownInput", new { grantId = grant, requestedOn = "2026-02-01", amount = 5_000m, reference = "REQ-1" }, "drawdown { id }", agent);
        AssertOk(drawdown);
        var drawdownId = drawdown.GetProperty("drawdown").GetProperty("id").GetString();
        AssertError(await Mutate("receiveDrawdown", "ReceiveDrawdownInput", new { drawdownId, receivedOn = "2026-02-10", amount = 5_000.01m }, "drawdown { id }", agent),
            "RuleViolation", "EXCEEDS_REQUEST", "input", "amount");
        AssertOk(await Mutate("receiveDrawdown", "ReceiveDrawdownInput", new { drawdownId, receivedOn = "2026-02-10", amount = 4_999.99m }, "drawdown { receivedAmount }", agent));
        AssertError(await Mutate("receiveDrawdown", "ReceiveDrawdownInput", new { drawdownId, amount = 1m }, "drawdown { id }", agent), "RuleViolation", "ALREADY_RECEIVED", "input", "drawdownId");

        async Task<JsonElement> Spend(object input, string? token = null) => await Mutate("recordExpenditure", "RecordExpenditureInput", input, "expenditure { id amount }", token ?? agent);
        AssertOk(await Spend(new { grantId = grant, spentOn = "2026-03-01", category = "CONTRACTED_SERVICES", amount = 0.10m, description = "Coaching, March" }));
        AssertOk(await Spend(new { grantId = grant, spentOn = "2026-03-02", category = "CONTRACTED_SERVICES", amount = 0.20m, description = "Coaching, March" }));
        AssertOk(await Spend(new { grantId = grant, spentOn = "2026-03-03", category = "SUPPLIES", amount = 2_400.00m, description = "Binders", districtId = lakeport }));
        AssertOk(await Spend(new { grantId = grant, spentOn = "2026-03-03", category = "PERSONNEL", amount = 600.00m, description = "Release time (in kind)", districtId = lakeport, fundedBy = "MATCH" }));
        // Maple Ridge's own rule sees spending for Maple Ridge: equipment joins its inventory.
        var mapleRidge = await server.DistrictIdAsync("5000420");
        Assert.Contains("mapleRidge:EQUIPMENT_TAGGED", WarningRules(await Mutate("recordExpenditure", "RecordExpenditureInput",
            new { grantId = grant, spentOn = "2026-03-03", category = "EQUIPMENT", amount = 0.01m, description = "Scanner", districtId = mapleRidge }, "expenditure { id }", agent, dryRun: true)));
        Assert.DoesNotContain("mapleRidge:EQUIPMENT_TAGGED", WarningRules(await Mutate("recordExpenditure", "RecordExpenditureInput",
            new { grantId = grant, spentOn = "2026-03-03", category = "TRAVEL", amount = 0.01m, description = "Mileage", districtId = mapleRidge }, "expenditure { id }", agent, dryRun: true)));
        var over = await Spend(new { grantId = grant, spentOn = "2026-03-04", category = "SUPPLIES", amount = 100.11m, description = "More binders", districtId = lakeport });
        AssertOk(over);
        Assert.Equal([":OVER_BUDGET"], WarningRules(over));
        AssertError(await Spend(new { grantId = grant, spentOn = "2025-12-31", category = "SUPPLIES", amount = 1m, description = "Too early" }), "RuleViolation", "OUTSIDE_GRANT_PERIOD", "input", "spentOn");
        AssertError(await Spend(new { grantId = grant, spentOn = "2026-03-04", category = "SUPPLIES", amount = 1.005m, description = "Sub-cent" }), "ValidationError", "OUT_OF_RANGE", "input", "amount");
        AssertError(await Spend(new { grantId = grant, spentOn = "2026-12-31", category = "SUPPLIES", amount = 1m, description = "Ahead" }), "ValidationError", "DATE_IN_FUTURE", "input", "spentOn");
        AssertError(await Spend(new { grantId = grant, spentOn = "2026-03-04", category = "SUPPLIES", amount = 7_499.60m, description = "Past the award" }), "RuleViolation", "EXCEEDS_AWARD", "input", "amount");
        // A dry run saves nothing, and another district's staff keep no books.
        AssertOk(await Mutate("recordExpenditure", "RecordExpenditureInput", new { grantId = grant, spentOn = "2026-03-04", category = "TRAVEL", amount = 50m, description = "Dry" }, "expenditure { id }", agent, dryRun: true));
        AssertError(await Spend(new { grantId = grant, spentOn = "2026-03-04", category = "TRAVEL", amount = 50m, description = "Not ours" }, Staff("5000640")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "grantId");

        var figures = (await Node(grant, "... on Grant { financials(asOf: \"2026-10-01\") { spent remaining received cashOnHand matchMet matchIsMet byCategory { category spent remaining } byMember { district { code } budgeted spent } } }"))
            .GetProperty("financials");
        // 0.10 + 0.20 + 2,400.00 + 100.11: exact, summed in SQL.
        Assert.Equal(2_500.41m, Money(figures, "spent"));
        Assert.Equal(7_499.59m, Money(figures, "remaining"));
        Assert.Equal(4_999.99m, Money(figures, "received"));
        Assert.Equal(2_499.58m, Money(figures, "cashOnHand"));
        Assert.Equal((600m, false), (Money(figures, "matchMet"), figures.GetProperty("matchIsMet").GetBoolean()));
        Assert.Equal([("CONTRACTED_SERVICES", 0.30m, 5_999.70m), ("SUPPLIES", 2_500.11m, 1_499.89m)],
            figures.GetProperty("byCategory").EnumerateArray().Select(c => (c.GetProperty("category").GetString()!, Money(c, "spent"), Money(c, "remaining"))));
        Assert.Equal([("5000640", 2_500.10m, 2_500.11m), ("3300710", 1_499.90m, 0m)],
            figures.GetProperty("byMember").EnumerateArray().Select(m => (m.GetProperty("district").GetProperty("code").GetString()!, Money(m, "budgeted"), Money(m, "spent"))).OrderByDescending(m => m.Item2));

        // Amendments keep what was before, and never cut below what is spent or budgeted.
        AssertError(await Mutate("amendGrant", "AmendGrantInput", new { grantId = grant, amount = 2_500.40m, reason = "Cut" }, "grant { id }", agent), "RuleViolation", "AMOUNT_BELOW_SPENT", "input", "amount");
        AssertError(await Mutate("amendGrant", "AmendGrantInput", new { grantId = grant, amount = 9_999.99m, reason = "Cut" }, "grant { id }", agent), "RuleViolation", "AMOUNT_BELOW_BUDGET", "input", "amount");
        AssertError(await Mutate("amendGrant", "AmendGrantInput", new { grantId = grant, startsOn = "2026-03-02", reason = "Later start" }, "grant { id }", agent), "RuleViolation", "SPENDING_OUTSIDE_PERIOD", "input", "startsOn");
        var amended = await Mutate("amendGrant", "AmendGrantInput", new { grantId = grant, amount = 12_000m, endsOn = "2027-12-31", reason = "Supplement for year 2", effectiveOn = "2026-09-15" },
            "grant { amount endsOn amendments { number amountBefore amountAfter endsOnBefore endsOnAfter reason } }", agent);
        AssertOk(amended);
        var amendment = amended.GetProperty("grant").GetProperty("amendments")[0];
        Assert.Equal((1, 10_000m, 12_000m, "2027-06-30", "2027-12-31"), (amendment.GetProperty("number").GetInt32(), Money(amendment, "amountBefore"), Money(amendment, "amountAfter"),
            amendment.GetProperty("endsOnBefore").GetString(), amendment.GetProperty("endsOnAfter").GetString()));

        // A second budget is kept beside the first.
        AssertError(await Mutate("reviseGrantBudget", "ReviseGrantBudgetInput", new { grantId = grant, reason = "Too much", lines = new object[] { new { category = "TRAVEL", amount = 12_000.01m } } }, "grant { id }", agent),
            "RuleViolation", "BUDGET_EXCEEDS_AWARD", "input", "lines");
        AssertError(await Mutate("reviseGrantBudget", "ReviseGrantBudgetInput", new { grantId = grant, reason = "Twice", lines = new object[] { new { category = "TRAVEL", amount = 1m }, new { category = "TRAVEL", amount = 2m } } }, "grant { id }", agent),
            "ValidationError", "DUPLICATE_LINE", "input", "lines", "1");
        var second = await Mutate("reviseGrantBudget", "ReviseGrantBudgetInput", new { grantId = grant, reason = "Year 2 supplement", lines = new object[]
        {
            new { category = "CONTRACTED_SERVICES", amount = 8_000.00m }, new { category = "SUPPLIES", districtId = lakeport, amount = 4_000.00m },
        } }, "grant { budgetVersion budgetRevisions { number total lines { amount } } }", agent);
        AssertOk(second);
        Assert.Equal([(1, 10_000m), (2, 12_000m)], second.GetProperty("grant").GetProperty("budgetRevisions").EnumerateArray().Select(r => (r.GetProperty("number").GetInt32(), Money(r, "total"))));

        // Closing waits for every drawdown, and warns of reports not yet submitted.
        AssertOk(await Mutate("recordDrawdown", "RecordDrawdownInput", new { grantId = grant, requestedOn = "2026-09-30", amount = 500m }, "drawdown { id }", agent));
        AssertError(await Mutate("closeGrant", "CloseGrantInput", new { grantId = grant, note = "Done" }, "grant { id }", agent), "RuleViolation", "DRAWDOWNS_OUTSTANDING", "input", "grantId");
        var outstanding = (await Node(grant, "... on Grant { drawdowns { id receivedOn } reports { id } }"));
        var last = outstanding.GetProperty("drawdowns").EnumerateArray().Single(d => d.GetProperty("receivedOn").ValueKind == JsonValueKind.Null).GetProperty("id").GetString();
        AssertOk(await Mutate("receiveDrawdown", "ReceiveDrawdownInput", new { drawdownId = last, amount = 500m }, "drawdown { id }", agent));
        var closed = await Mutate("closeGrant", "CloseGrantInput", new { grantId = grant, note = "Spent as budgeted" }, "grant { status closedOn }", agent);
        AssertOk(closed);
        Assert.Equal([":REPORTS_OUTSTANDING"], WarningRules(closed));
        Assert.Equal("CLOSED", closed.GetProperty("grant").GetProperty("status").GetString());
        AssertError(await Spend(new { grantId = grant, spentOn = "2026-03-05", category = "TRAVEL", amount = 1m, description = "After closing" }), "RuleViolation", "GRANT_CLOSED", "input", "grantId");
        var report = outstanding.GetProperty("reports")[0].GetProperty("id").GetString();
        var submitted = await Mutate("submitGrantReport", "SubmitGrantReportInput", new { reportId = report }, "grantReport { status submittedOn }", agent);
        AssertOk(submitted);
        Assert.Equal("SUBMITTED", submitted.GetProperty("grantReport").GetProperty("status").GetString());
        AssertError(await Mutate("submitGrantReport", "SubmitGrantReportInput", new { reportId = report }, "grantReport { id }", agent), "RuleViolation", "ALREADY_SUBMITTED", "input", "reportId");

        // Every step is in the consortium's trail, with before and after.
        var trail = (await server.QueryAsync("""{ auditLog(first: 100, where: { entityType: "Grant" }) { nodes { operation changes } } }""", token: Admin))
            .GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("operation").GetString()).ToList();
        Assert.Contains("amendGrant", trail);
        Assert.Contains("closeGrant", trail);
    }

    [DatabaseFact]
    public async Task Only_the_fiscal_agents_staff_and_the_consortiums_admins_keep_the_books()
    {
        var grant = await NewGrant(1_000m, Admin);
        var spend = new { grantId = grant, spentOn = "2026-03-01", category = "TRAVEL", amount = 1m, description = "Mileage" };
        AssertError(await Mutate("recordExpenditure", "RecordExpenditureInput", spend, "expenditure { id }", Staff("5000640")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "grantId");
        AssertError(await Mutate("recordDrawdown", "RecordDrawdownInput", new { grantId = grant, amount = 1m }, "drawdown { id }", Staff("5000310")), "NotAuthorizedError", "NOT_AUTHORIZED", "input", "grantId");
        // Another consortium's admin, and staff whose credential is for the other consortium, do not find the grant at all.
        AssertError(await Mutate("recordExpenditure", "RecordExpenditureInput", spend, "expenditure { id }", server.TokenFor("consortium-admin", consortia: [UpperValley])), "ValidationError", "NOT_FOUND", "input", "grantId");
        AssertError(await Mutate("recordExpenditure", "RecordExpenditureInput", spend, "expenditure { id }", Staff("3300710", UpperValley)), "ValidationError", "NOT_FOUND", "input", "grantId");
        // Connecticut River Valley is in both consortia and keeps the Summer Bridge books: with a credential for Upper Valley it does not reach them.
        var summer = (await server.QueryAsync("""query($id: ID!) { node(id: $id) { ... on Partnership { grants { id } } } }""",
            new { id = await server.PartnershipIdAsync("Summer Bridge Program") }, Admin)).GetProperty("node").GetProperty("grants")[0].GetProperty("id").GetString();
        var late = new { grantId = summer, spentOn = "2025-07-01", category = "TRAVEL", amount = 1m, description = "Late bill" };
        AssertError(await Mutate("recordExpenditure", "RecordExpenditureInput", late, "expenditure { id }", Staff("3301040", UpperValley)), "ValidationError", "NOT_FOUND", "input", "grantId");
        AssertError(await Mutate("recordExpenditure", "RecordExpenditureInput", late, "expenditure { id }", Staff("3301040")), "RuleViolation", "GRANT_CLOSED", "input", "grantId");
        AssertOk(await Mutate("recordExpenditure", "RecordExpenditureInput", spend, "expenditure { id }", Staff("3300710")));
        AssertOk(await Mutate("recordExpenditure", "RecordExpenditureInput", spend, "expenditure { id }", Admin));

        // Drawdowns stay within the award, an award not below them, and an award number is the funder's once.
        AssertOk(await Mutate("recordDrawdown", "RecordDrawdownInput", new { grantId = grant, requestedOn = "2026-02-01", amount = 600m }, "drawdown { id }", Staff("3300710")));
        AssertError(await Mutate("recordDrawdown", "RecordDrawdownInput", new { grantId = grant, requestedOn = "2026-02-02", amount = 400.01m }, "drawdown { id }", Staff("3300710")),
            "RuleViolation", "EXCEEDS_AWARD", "input", "amount");
        AssertError(await Mutate("recordDrawdown", "RecordDrawdownInput", new { grantId = grant, requestedOn = "2026-12-31", amount = 1m }, "drawdown { id }", Staff("3300710")),
            "ValidationError", "DATE_IN_FUTURE", "input", "requestedOn");
        AssertError(await Mutate("amendGrant", "AmendGrantInput", new { grantId = grant, amount = 599.99m, reason = "Cut" }, "grant { id }", Staff("3300710")),
            "RuleViolation", "AMOUNT_BELOW_DRAWN", "input", "amount");
        var awarded = (await Node(grant, "... on Grant { awardNumber funder { id } }"));
        AssertError(await Mutate("recordGrant", "RecordGrantInput", new
        {
            funderId = awarded.GetProperty("funder").GetProperty("id").GetString(), partnershipId = await server.PartnershipIdAsync(Proficiency), amount = 1m,
            startsOn = "2026-01-01", endsOn = "2026-12-31", awardNumber = awarded.GetProperty("awardNumber").GetString(),
            reports = new[] { new { title = "Final", dueOn = "2027-01-31" }, new { title = "Final", dueOn = "2027-01-31" } },
        }, "grant { id }"), "ValidationError", "DUPLICATE_REPORT", "input", "reports", "1");
        AssertError(await Mutate("recordGrant", "RecordGrantInput", new
        {
            funderId = awarded.GetProperty("funder").GetProperty("id").GetString(), partnershipId = await server.PartnershipIdAsync(Proficiency), amount = 1m,
            startsOn = "2026-01-01", endsOn = "2026-12-31", awardNumber = awarded.GetProperty("awardNumber").GetString(),
        }, "grant { id }"), "ValidationError", "DUPLICATE_AWARD_NUMBER", "input", "awardNumber");

        // A consortium admin renames a funder only while every grant it makes is in the admin's consortia.
        var tri = (await server.QueryAsync("{ funders { id name } }", token: Admin)).GetProperty("funders").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Tri-State Rural Education Fund");
        AssertOk(await Mutate("updateFunder", "UpdateFunderInput", new { id = tri.GetProperty("id").GetString(), website = "https://tristate.example.org" }, "funder { website }", dryRun: true));
        AssertError(await Mutate("updateFunder", "UpdateFunderInput", new { id = tri.GetProperty("id").GetString(), name = "Renamed" }, "funder { name }", server.TokenFor("consortium-admin", consortia: [UpperValley])),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "id");
    }

    [DatabaseFact]
    public async Task A_funder_is_the_installations_record_and_its_changes_are_audited_outside_any_consortium()
    {
        var created = await Mutate("createFunder", "CreateFunderInput", new { name = $"Audited Fund {Guid.NewGuid():N}" }, "funder { id revision }");
        AssertOk(created);
        var id = created.GetProperty("funder").GetProperty("id").GetString()!;
        AssertError(await Mutate("createFunder", "CreateFunderInput", new { name = "Tri-State Rural Education Fund" }, "funder { id }"), "ValidationError", "DUPLICATE_NAME", "input", "name");
        AssertError(await Mutate("updateFunder", "UpdateFunderInput", new { id, website = "ftp://x" }, "funder { id }"), "ValidationError", "INVALID_URL", "input", "website");
        AssertError(await Mutate("updateFunder", "UpdateFunderInput", new { id, contactEmail = "not an address" }, "funder { id }"), "ValidationError", "INVALID_EMAIL", "input", "contactEmail");
        AssertError(await Mutate("updateFunder", "UpdateFunderInput", new { id, website = "https://a.example.org", expectedRevision = 7 }, "funder { id }"), "ConflictError", "CONFLICT");
        AssertOk(await Mutate("updateFunder", "UpdateFunderInput", new { id, website = "https://a.example.org", expectedRevision = 0 }, "funder { website }"));
        GlobalId.TryDecode(id, "Funder", out var key);
        await using var db = server.OpenDatabase();
        var entries = db.AuditEntries.Where(a => a.EntityType == "Funder" && a.EntityId == key).OrderBy(a => a.Id).ToList();
        Assert.Equal(["Added", "Modified"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((null, null), (e.ConsortiumId, e.DistrictId)));
        Assert.Contains("https://a.example.org", entries.Last().Changes);
    }

    [DatabaseFact]
    public async Task An_expenditure_recorded_in_error_is_reversed_and_both_entries_stay_on_the_books()
    {
        var grant = await NewGrant(2_000m, Admin);
        var agent = Staff("3300710");
        var recorded = await Mutate("recordExpenditure", "RecordExpenditureInput", new { grantId = grant, spentOn = "2026-03-01", category = "SUPPLIES", amount = 512.37m, description = "Binders" },
            "expenditure { id }", agent);
        AssertOk(recorded);
        var id = recorded.GetProperty("expenditure").GetProperty("id").GetString();
        AssertError(await Mutate("reverseExpenditure", "ReverseExpenditureInput", new { expenditureId = id, reason = "Wrong grant" }, "expenditure { id }", Staff("5000640")),
            "NotAuthorizedError", "NOT_AUTHORIZED", "input", "expenditureId");
        var reversed = await Mutate("reverseExpenditure", "ReverseExpenditureInput", new { expenditureId = id, reason = "Charged to the wrong grant" },
            "expenditure { id amount spentOn category reverses { id } }", agent);
        AssertOk(reversed);
        var reversal = reversed.GetProperty("expenditure");
        Assert.Equal((-512.37m, "2026-03-01", "SUPPLIES", id), (reversal.GetProperty("amount").GetDecimal(), reversal.GetProperty("spentOn").GetString(),
            reversal.GetProperty("category").GetString(), reversal.GetProperty("reverses").GetProperty("id").GetString()));
        AssertError(await Mutate("reverseExpenditure", "ReverseExpenditureInput", new { expenditureId = id, reason = "Again" }, "expenditure { id }", agent), "RuleViolation", "ALREADY_REVERSED", "input", "expenditureId");
        AssertError(await Mutate("reverseExpenditure", "ReverseExpenditureInput", new { expenditureId = reversal.GetProperty("id").GetString(), reason = "Undo" }, "expenditure { id }", agent),
            "RuleViolation", "NOT_REVERSIBLE", "input", "expenditureId");
        var books = await Node(grant, "... on Grant { financials(asOf: \"2026-10-01\") { spent remaining byCategory { category spent } } expenditures { totalCount } }");
        Assert.Equal((0m, 2_000m, 2), (books.GetProperty("financials").GetProperty("spent").GetDecimal(), books.GetProperty("financials").GetProperty("remaining").GetDecimal(),
            books.GetProperty("expenditures").GetProperty("totalCount").GetInt32()));
        // The award is free again for what was meant.
        AssertOk(await Mutate("recordExpenditure", "RecordExpenditureInput", new { grantId = grant, spentOn = "2026-03-02", category = "SUPPLIES", amount = 2_000m, description = "Licenses" }, "expenditure { id }", agent));
    }

    [DatabaseFact]
    public async Task Fifty_writers_spending_on_one_grant_never_pass_the_award()
    {
        var grant = await NewGrant(1_000m, Admin);
        var token = Staff("3300710");
        using var start = new SemaphoreSlim(0);
        // Each writer retries on CONFLICT, as a client does: 40 of 25.00 fit in 1,000.00; the last 10 are refused.
        var writers = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            while (true)
            {
                var payload = await Mutate("recordExpenditure", "RecordExpenditureInput",
                    new { grantId = grant, spentOn = "2026-04-01", category = "SUPPLIES", amount = 25m, description = $"Writer {i}" }, "expenditure { id }", token);
                if (payload.GetProperty("errors").GetArrayLength() == 0) return "OK";
                var code = payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
                if (code != "CONFLICT") return code;
            }
        }).ToList();
        start.Release(50);
        var outcomes = await Task.WhenAll(writers);
        Assert.Equal(40, outcomes.Count(o => o == "OK"));
        Assert.Equal(10, outcomes.Count(o => o == "EXCEEDS_AWARD"));
        var figures = (await Node(grant, "... on Grant { financials { spent remaining } expenditures { totalCount } }"));
        Assert.Equal(1_000.00m, figures.GetProperty("financials").GetProperty("spent").GetDecimal());
        Assert.Equal(0m, figures.GetProperty("financials").GetProperty("remaining").GetDecimal());
        Assert.Equal(40, figures.GetProperty("expenditures").GetProperty("totalCount").GetInt32());
    }
}

public sealed class SqliteGrantBooksTests(SqliteServer server) : GrantBooksTests<SqliteServer>(server);

public sealed class PostgreSqlGrantBooksTests(PostgreSqlServer server) : GrantBooksTests<PostgreSqlServer>(server), IPostgreSqlSuite;
