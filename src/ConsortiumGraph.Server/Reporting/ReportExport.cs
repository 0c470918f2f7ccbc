using System.Globalization;
using System.Text.Json;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using CsvHelper;
using GraphQL;
using GraphQL.Transport;

namespace ConsortiumGraph.Reporting;

/// <summary>
/// The reports as CSV, for funders who work in spreadsheets: <c>/reports/funding.csv</c> and
/// <c>/reports/rollup.csv</c>. Each runs the GraphQL report it exports, through the one execution path
/// (the same access rules, row filters, limits and errors), and only formats the answer.
/// </summary>
public static class ReportExport
{
    private const string FundingReport = """
        query FundingCsv($funderId: ID) {
          fundingReport(funderId: $funderId) {
            funder { name }
            grants {
              partnership fiscalAgent grant { amount startsOn endsOn }
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

    private static readonly object?[] FundingColumns = ["funder", "partnership", "fiscal_agent", "grant_amount", "grant_starts", "grant_ends", "indicator", "unit", "period",
        "value", "districts", "students", "suppressed_because", "withheld_districts", "student_seats", "savings", "staff_fte", "on_time_rate", "decisions_taken"];

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
    }

    private static string? Optional(HttpContext http, string name) => http.Request.Query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;

    private static async Task ExportAsync(HttpContext http, string document, Inputs variables, Func<JsonElement, (string Name, IEnumerable<object?[]> Rows)?> rows)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        if (Authentication.PresentedInvalidCredentials(http))
        {
            await FailAsync(http, serializer, GraphQLOutcome.Refused(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "The credentials sent are malformed, expired, revoked or not signed by a trusted key, or both a bearer token and an API key were sent."));
            return;
        }
        var outcome = await http.RequestServices.GetRequiredService<GraphQLExecution>().ExecuteAsync(new GraphQLRequest { Query = document, Variables = variables },
            new GraphQLCall(http.RequestServices, http.User, "http", QueriesOnly: true, Root: null, http.RequestAborted));
        if (outcome.RefusedWith is not null || outcome.Result.Errors is { Count: > 0 })
        {
            await FailAsync(http, serializer, outcome);
            return;
        }
        var data = JsonDocument.Parse(serializer.Serialize(outcome.Result)).RootElement.GetProperty("data");
        if (rows(data) is not var (name, lines))
        {
            await FailAsync(http, serializer, GraphQLOutcome.Refused(StatusCodes.Status404NotFound, "NOT_FOUND", "Nothing you may read has that ID."));
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        // RFC 4180 with CRLF; text a spreadsheet would run as a formula gets an apostrophe (numbers, negative ones too, are written as numbers).
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        foreach (var line in lines)
        {
            foreach (var cell in line)
            {
                if (cell is decimal number) csv.WriteField(number, default);
                else csv.WriteField(cell as string);
            }
            await csv.EndRecordAsync(http.RequestAborted);
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

    private static (string, IEnumerable<object?[]>)? FundingRows(JsonElement data)
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
        return ($"funding-{funder.ToLowerInvariant().Replace(' ', '-')}", rows);
    }

    private static (string, IEnumerable<object?[]>)? RollupRows(JsonElement data)
    {
        if (data.GetProperty("consortium") is not { ValueKind: JsonValueKind.Object } consortium) return null;
        var rows = consortium.GetProperty("rollup").EnumerateArray().Select(r => new object?[]
        {
            Text(r.GetProperty("group")), Text(r.GetProperty("period")), Text(r.GetProperty("value")), Text(r.GetProperty("districts")),
            Text(r.GetProperty("students")), Text(r.GetProperty("suppressedBecause")),
        });
        return ("rollup", [new object?[] { "group", "period", "value", "districts", "students", "suppressed_because" }, .. rows]);
    }
}
