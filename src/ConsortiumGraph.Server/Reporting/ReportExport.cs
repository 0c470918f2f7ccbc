using System.Globalization;
using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using CsvHelper;
using GraphQL;
using GraphQL.Transport;

namespace ConsortiumGraph.Reporting;

/// <summary>
/// The reports as CSV, for funders and business officials who work in spreadsheets: <c>/reports/funding.csv</c>,
/// <c>/reports/rollup.csv</c>, <c>/reports/grant-budget.csv</c>, <c>/reports/purchases.csv</c> and <c>/reports/balances.csv</c>. Each runs the GraphQL
/// report it exports, through the one execution path (the same access rules, row filters, limits and errors), page by
/// page where the report is a list, and only formats the answer.
/// </summary>
public static class ReportExport
{
    private const string FundingReport = """
        query FundingCsv($funderId: ID) {
          fundingReport(funderId: $funderId) {
            funder { name }
            grants {
              partnership fiscalAgent grant { amount startsOn endsOn financials { spent remaining matchMet } }
              impact { studentSeats savings staffFte onTimeRate decisionsTaken }
              indicators { code unit periods { period value districts students suppressedBecause } }
              withheld { district indicator }
            }
          }
        }
        """;

    private const string Rollup = """
        query RollupCsv($consortiumId: ID!, $indicator: String!, $groupBy: RollupGroup!, $periods: [String!]) {
          consortium(id: $consortiumId) { rollup(indicator: $indicator, groupBy: $groupBy, periods: $periods) { group period value districts students suppressedBecause } }
        }
        """;

    private const string GrantBudget = """
        query GrantBudgetCsv($grantId: ID!, $asOf: Date) {
          node(id: $grantId) {
            ... on Grant {
              awardNumber funder { name } partnership { name }
              financials(asOf: $asOf) {
                asOf awarded budgeted spent remaining
                byCategory { category budgeted spent remaining }
                byMember { district { code name } budgeted spent remaining }
              }
            }
          }
        }
        """;

    private const string Purchases = """
        query PurchasesCsv($partnershipId: ID!, $after: String) {
          node(id: $partnershipId) {
            ... on Partnership {
              name
              purchases(first: 100, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  purchasedOn district { code name } item quantity consortiumUnitPrice standaloneUnitPrice saved
                  standalonePriceSource standalonePriceNote approvalReference contract { vendor { name } }
                }
              }
            }
          }
        }
        """;

    private const string Balances = """
        query BalancesCsv($districtId: ID!) {
          node(id: $districtId) { ... on District { code name balances { counterparty { code name } owedToUs owedByUs net } } }
        }
        """;

    private static readonly object?[] FundingColumns = ["funder", "partnership", "fiscal_agent", "grant_amount", "grant_starts", "grant_ends", "indicator", "unit", "period",
        "value", "districts", "students", "suppressed_because", "withheld_districts", "student_seats", "savings", "staff_fte", "on_time_rate", "decisions_taken",
        "grant_spent", "grant_remaining", "match_met"];

    public static void MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/funding.csv", (HttpContext http) => ExportAsync(http, FundingReport,
            new Inputs(new Dictionary<string, object?> { ["funderId"] = Optional(http, "funderId") }), FundingRows));
        endpoints.MapGet("/reports/rollup.csv", (HttpContext http) => ExportAsync(http, Rollup, new Inputs(new Dictionary<string, object?>
        {
            ["consortiumId"] = Optional(http, "consortiumId"),
            ["indicator"] = Optional(http, "indicator"),
            ["groupBy"] = Optional(http, "groupBy")?.ToUpperInvariant(),
            ["periods"] = Optional(http, "periods")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<object?>().ToList(),
        }), RollupRows));
        endpoints.MapGet("/reports/grant-budget.csv", (HttpContext http) => ExportAsync(http, GrantBudget,
            new Inputs(new Dictionary<string, object?> { ["grantId"] = Optional(http, "grantId"), ["asOf"] = Optional(http, "asOf") }), GrantBudgetRows));
        endpoints.MapGet("/reports/purchases.csv", (HttpContext http) => ExportAsync(http, Purchases,
            new Inputs(new Dictionary<string, object?> { ["partnershipId"] = Optional(http, "partnershipId") }), PurchaseRows));
        endpoints.MapGet("/reports/balances.csv", (HttpContext http) => ExportAsync(http, Balances,
            new Inputs(new Dictionary<string, object?> { ["districtId"] = Optional(http, "districtId") }), BalanceRows));
    }

    private static string? Optional(HttpContext http, string name) => http.Request.Query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;

    /// <summary>One page of a report: its file name, its rows (the header with the first page), and the cursor of the next page, if any.</summary>
    private sealed record Page(string Name, IEnumerable<object?[]> Rows, string? After = null);

    private static async Task ExportAsync(HttpContext http, string document, Inputs variables, Func<JsonElement, bool, Page?> rows)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        if (Authentication.PresentedInvalidCredentials(http))
        {
            await FailAsync(http, serializer, GraphQLOutcome.Refused(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "The credentials sent are malformed, expired, revoked or not signed by a trusted key, or both a bearer token and an API key were sent."));
            return;
        }
        var execution = http.RequestServices.GetRequiredService<GraphQLExecution>();
        async Task<(Page? Page, GraphQLOutcome? Failed)> ReadAsync(Inputs inputs, bool first)
        {
            // Each page in a scope of its own: a request's loaders cache what they read, and the next page is the same document.
            await using var scope = http.RequestServices.CreateAsyncScope();
            var outcome = await execution.ExecuteAsync(new GraphQLRequest { Query = document, Variables = inputs },
                new GraphQLCall(scope.ServiceProvider, http.User, "http", QueriesOnly: true, Root: null, http.RequestAborted));
            if (outcome.RefusedWith is not null || outcome.Result.Errors is { Count: > 0 }) return (null, outcome);
            return (rows(JsonDocument.Parse(serializer.Serialize(outcome.Result)).RootElement.GetProperty("data"), first), null);
        }
        var (page, failed) = await ReadAsync(variables, first: true);
        if (failed is not null)
        {
            await FailAsync(http, serializer, failed);
            return;
        }
        if (page is null)
        {
            await FailAsync(http, serializer, GraphQLOutcome.Refused(StatusCodes.Status404NotFound, "NOT_FOUND", "Nothing you may read has that ID."));
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{page.Name}.csv\"";
        // RFC 4180 with CRLF; text a spreadsheet would run as a formula gets an apostrophe (numbers, negative ones too, are written as numbers).
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        while (page is not null)
        {
            foreach (var line in page.Rows)
            {
                foreach (var cell in line)
                {
                    if (cell is decimal number) csv.WriteField(number, default);
                    else csv.WriteField(cell as string);
                }
                await csv.EndRecordAsync(http.RequestAborted);
            }
            if (page.After is not { } after) break;
            // The next page under the same caller and limits; the file already started, so a failure now ends it where it is.
            (page, failed) = await ReadAsync(new Inputs(new Dictionary<string, object?>(variables) { ["after"] = after }), first: false);
            if (failed is not null) break;
        }
        await csv.FlushAsync(http.RequestAborted);
    }

    /// <summary>The report's errors as GraphQL answers them, with the HTTP status that says what is wrong for this caller.</summary>
    private static async Task FailAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLOutcome outcome)
    {
        var code = outcome.Result.Errors?.FirstOrDefault()?.Code;
        http.Response.StatusCode = outcome.RefusedWith ?? code switch
        {
            "NOT_AUTHORIZED" => http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
            "NOT_FOUND" => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, outcome.Result, http.RequestAborted);
    }

    /// <summary>A cell: text as text, numbers as numbers (exact, as the JSON wrote them), null as an empty field.</summary>
    private static object? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        _ => value.GetRawText(),
    };

    private static Page? FundingRows(JsonElement data, bool first)
    {
        if (data.GetProperty("fundingReport") is not { ValueKind: JsonValueKind.Object } report) return null;
        var funder = report.GetProperty("funder").GetProperty("name").GetString()!;
        var rows = new List<object?[]> { FundingColumns };
        foreach (var grant in report.GetProperty("grants").EnumerateArray())
        {
            var (terms, impact) = (grant.GetProperty("grant"), grant.GetProperty("impact"));
            object?[] Row(JsonElement indicator, JsonElement? period, string withheld) =>
            [
                funder, Text(grant.GetProperty("partnership")), Text(grant.GetProperty("fiscalAgent")), Text(terms.GetProperty("amount")),
                Text(terms.GetProperty("startsOn")), Text(terms.GetProperty("endsOn")), Text(indicator.GetProperty("code")), Text(indicator.GetProperty("unit")),
                period is { } p ? Text(p.GetProperty("period")) : "", period is { } v ? Text(v.GetProperty("value")) : "",
                period is { } d ? Text(d.GetProperty("districts")) : "", period is { } s ? Text(s.GetProperty("students")) : "",
                period is { } r ? Text(r.GetProperty("suppressedBecause")) : "", withheld,
                Text(impact.GetProperty("studentSeats")), Text(impact.GetProperty("savings")), Text(impact.GetProperty("staffFte")),
                Text(impact.GetProperty("onTimeRate")), Text(impact.GetProperty("decisionsTaken")),
                Text(terms.GetProperty("financials").GetProperty("spent")), Text(terms.GetProperty("financials").GetProperty("remaining")),
                Text(terms.GetProperty("financials").GetProperty("matchMet")),
            ];
            foreach (var indicator in grant.GetProperty("indicators").EnumerateArray())
            {
                var code = indicator.GetProperty("code").GetString();
                var withheld = string.Join("; ", grant.GetProperty("withheld").EnumerateArray()
                    .Where(w => w.GetProperty("indicator").GetString() == code).Select(w => w.GetProperty("district").GetString()));
                var periods = indicator.GetProperty("periods").EnumerateArray().ToList();
                rows.AddRange(periods.Count == 0 ? [Row(indicator, null, withheld)] : periods.Select(p => Row(indicator, p, withheld)));
            }
        }
        return new($"funding-{funder.ToLowerInvariant().Replace(' ', '-')}", rows);
    }

    private static Page? RollupRows(JsonElement data, bool first)
    {
        if (data.GetProperty("consortium") is not { ValueKind: JsonValueKind.Object } consortium) return null;
        var rows = consortium.GetProperty("rollup").EnumerateArray().Select(r => new object?[]
        {
            Text(r.GetProperty("group")), Text(r.GetProperty("period")), Text(r.GetProperty("value")), Text(r.GetProperty("districts")),
            Text(r.GetProperty("students")), Text(r.GetProperty("suppressedBecause")),
        });
        return new("rollup", [new object?[] { "group", "period", "value", "districts", "students", "suppressed_because" }, .. rows]);
    }

    private static Page? GrantBudgetRows(JsonElement data, bool first)
    {
        if (data.GetProperty("node") is not { ValueKind: JsonValueKind.Object } grant || !grant.TryGetProperty("financials", out var books)) return null;
        var (funder, partnership, award) = (Text(grant.GetProperty("funder").GetProperty("name")), Text(grant.GetProperty("partnership").GetProperty("name")), Text(grant.GetProperty("awardNumber")));
        object?[] Row(string scope, object? name, object? code, JsonElement line) =>
            [funder, partnership, award, Text(books.GetProperty("asOf")), scope, name, code, Text(line.GetProperty("budgeted")), Text(line.GetProperty("spent")), Text(line.GetProperty("remaining"))];
        var rows = new List<object?[]> { new object?[] { "funder", "partnership", "award_number", "as_of", "scope", "name", "district_code", "budgeted", "spent", "remaining" } };
        rows.AddRange(books.GetProperty("byCategory").EnumerateArray().Select(c => Row("category", Text(c.GetProperty("category")), null, c)));
        rows.AddRange(books.GetProperty("byMember").EnumerateArray().Select(m => Row("member", Text(m.GetProperty("district").GetProperty("name")), Text(m.GetProperty("district").GetProperty("code")), m)));
        rows.Add([funder, partnership, award, Text(books.GetProperty("asOf")), "total", "award", null, Text(books.GetProperty("budgeted")), Text(books.GetProperty("spent")), Text(books.GetProperty("remaining"))]);
        return new($"grant-budget-{(award as string ?? "grant").ToLowerInvariant()}", rows);
    }

    private static Page? BalanceRows(JsonElement data, bool first)
    {
        if (data.GetProperty("node") is not { ValueKind: JsonValueKind.Object } district || !district.TryGetProperty("balances", out var balances)) return null;
        var rows = new List<object?[]> { new object?[] { "district_code", "district", "counterparty_code", "counterparty", "owed_to_district", "owed_by_district", "net" } };
        rows.AddRange(balances.EnumerateArray().Select(b => new object?[]
        {
            Text(district.GetProperty("code")), Text(district.GetProperty("name")), Text(b.GetProperty("counterparty").GetProperty("code")), Text(b.GetProperty("counterparty").GetProperty("name")),
            Text(b.GetProperty("owedToUs")), Text(b.GetProperty("owedByUs")), Text(b.GetProperty("net")),
        }));
        return new($"balances-{Text(district.GetProperty("code"))}", rows);
    }

    private static Page? PurchaseRows(JsonElement data, bool first)
    {
        if (data.GetProperty("node") is not { ValueKind: JsonValueKind.Object } partnership || !partnership.TryGetProperty("purchases", out var purchases)) return null;
        var rows = new List<object?[]>();
        if (first)
            rows.Add(["purchased_on", "district_code", "district", "item", "vendor", "quantity", "contract_unit_price", "standalone_unit_price", "saved",
                "standalone_price_source", "standalone_price_note", "approval_reference"]);
        rows.AddRange(purchases.GetProperty("nodes").EnumerateArray().Select(l => new object?[]
        {
            Text(l.GetProperty("purchasedOn")), Text(l.GetProperty("district").GetProperty("code")), Text(l.GetProperty("district").GetProperty("name")), Text(l.GetProperty("item")),
            l.GetProperty("contract") is { ValueKind: JsonValueKind.Object } contract ? Text(contract.GetProperty("vendor").GetProperty("name")) : null,
            Text(l.GetProperty("quantity")), Text(l.GetProperty("consortiumUnitPrice")), Text(l.GetProperty("standaloneUnitPrice")), Text(l.GetProperty("saved")),
            Text(l.GetProperty("standalonePriceSource")), Text(l.GetProperty("standalonePriceNote")), Text(l.GetProperty("approvalReference")),
        }));
        var page = purchases.GetProperty("pageInfo");
        var name = (Text(partnership.GetProperty("name")) as string ?? "partnership").ToLowerInvariant().Replace(' ', '-');
        return new($"purchases-{name}", rows, page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null);
    }
}
