using System.Globalization;
using System.Text;
using ConsortiumGraph.Access;
using ConsortiumGraph.Graph;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Reporting;

/// <summary>
/// The reports as CSV, for funders who work in spreadsheets: <c>/reports/funding.csv</c> and
/// <c>/reports/rollup.csv</c>, with the same credentials, the same rows and the same suppression as the queries.
/// </summary>
public static class ReportExport
{
    public static void MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/funding.csv", (HttpContext http) => ExportAsync(http, [Roles.ConsortiumAdmin, Roles.Funder], FundingAsync));
        endpoints.MapGet("/reports/rollup.csv", (HttpContext http) => ExportAsync(http, Readers.Members, RollupAsync));
    }

    private sealed class ReportError(int status, string code, string message) : Exception(message)
    {
        public int Status => status;
        public string Code => code;
    }

    private static async Task ExportAsync(HttpContext http, string[] roles, Func<HttpContext, Caller, Task<(string Name, IEnumerable<string[]> Rows)>> build)
    {
        try
        {
            if (Authentication.PresentedInvalidCredentials(http))
                throw new ReportError(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "The credentials sent are malformed, expired, revoked or not signed by a trusted key.");
            var caller = await http.RequestServices.GetRequiredService<RequestCaller>().GetAsync(http.RequestAborted);
            if (caller.Role is null || !roles.Contains(caller.Role))
                throw new ReportError(caller.Role is null or Roles.Anonymous ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, "NOT_AUTHORIZED",
                    $"This report is for {string.Join(" and ", roles)} callers; send a bearer token or an API key.");
            var (name, rows) = await build(http, caller);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            var text = new StringBuilder();
            foreach (var row in rows) text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
            await http.Response.WriteAsync(text.ToString(), http.RequestAborted);
        }
        catch (ReportError e)
        {
            http.Response.StatusCode = e.Status;
            await http.Response.WriteAsJsonAsync(new { errors = new[] { new { message = e.Message, extensions = new { code = e.Code } } } }, http.RequestAborted);
        }
    }

    /// <summary>RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static async Task<(string, IEnumerable<string[]>)> FundingAsync(HttpContext http, Caller caller)
    {
        var funderId = caller.IsFunder ? caller.FunderId ?? 0
            : GlobalId.TryDecode(http.Request.Query["funderId"], "Funder", out var id) ? id
            : throw new ReportError(StatusCodes.Status400BadRequest, "INVALID_ID", "Name the funder with ?funderId=<global ID>.");
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var report = await http.RequestServices.GetRequiredService<RequestLoaders>().ReadAsync(db => FundingReports.BuildAsync(db, funderId, now, http.RequestAborted), http.RequestAborted)
            ?? throw new ReportError(StatusCodes.Status404NotFound, "NOT_FOUND", "No funder you may report on has that ID.");
        var rows = new List<string[]>
        {
            new[] { "funder", "partnership", "fiscal_agent", "grant_amount", "grant_starts", "grant_ends", "indicator", "unit", "period", "value", "districts", "students",
                "suppressed_because", "withheld_districts", "student_seats", "savings", "staff_fte", "on_time_rate", "decisions_taken" },
        };
        foreach (var grant in report.Grants)
        {
            var impact = grant.Impact;
            string[] Row(string indicator, string unit, RollupRow? row, string withheld) =>
            [
                report.Funder.Name, grant.Partnership, grant.FiscalAgent, grant.Grant.Amount.ToString(CultureInfo.InvariantCulture),
                grant.Grant.StartsOn.ToString("yyyy-MM-dd"), grant.Grant.EndsOn.ToString("yyyy-MM-dd"), indicator, unit, row?.Period ?? "", Number(row?.Value),
                row?.Districts.ToString(CultureInfo.InvariantCulture) ?? "", row?.Students.ToString(CultureInfo.InvariantCulture) ?? "", row?.SuppressedBecause ?? "", withheld,
                impact.StudentSeats.ToString(CultureInfo.InvariantCulture), impact.Savings.ToString(CultureInfo.InvariantCulture), Number(impact.StaffFte), Number(impact.OnTimeRate),
                impact.DecisionsTaken.ToString(CultureInfo.InvariantCulture),
            ];
            foreach (var trend in grant.Indicators)
            {
                var withheld = string.Join("; ", grant.Withheld.Where(w => w.Indicator == trend.Code).Select(w => w.District));
                rows.AddRange(trend.Periods.Count == 0 ? [Row(trend.Code, trend.Unit, null, withheld)] : trend.Periods.Select(p => Row(trend.Code, trend.Unit, p, withheld)));
            }
        }
        return ($"funding-{report.Funder.Name.ToLowerInvariant().Replace(' ', '-')}", rows);
    }

    private static async Task<(string, IEnumerable<string[]>)> RollupAsync(HttpContext http, Caller caller)
    {
        var query = http.Request.Query;
        if (!GlobalId.TryDecode(query["consortiumId"], "Consortium", out var consortiumId))
            throw new ReportError(StatusCodes.Status400BadRequest, "INVALID_ID", "Name the consortium with ?consortiumId=<global ID>.");
        if (!Enum.TryParse<RollupGroup>(query["groupBy"].ToString().Replace("_", ""), ignoreCase: true, out var groupBy))
            throw new ReportError(StatusCodes.Status400BadRequest, "INVALID_GROUP", "?groupBy= is one of CONSORTIUM, STATE, LOCALE, PARTNERSHIP, DISTRICT.");
        var code = query["indicator"].ToString();
        var periods = query["periods"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = await http.RequestServices.GetRequiredService<RequestLoaders>().ReadAsync(async db =>
        {
            var consortium = await db.Consortia.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consortiumId, http.RequestAborted)
                ?? throw new ReportError(StatusCodes.Status404NotFound, "NOT_FOUND", "No consortium you may read has that ID.");
            var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.ConsortiumId == consortiumId && i.Code == code, http.RequestAborted)
                ?? throw new ReportError(StatusCodes.Status400BadRequest, "UNKNOWN_INDICATOR", $"{consortium.Name} has no indicator `{code}`.");
            return await Rollups.ComputeAsync(db, consortiumId, consortium.Name, indicator, groupBy, periods, null, http.RequestAborted, consentedOnly: caller.IsFunder);
        }, http.RequestAborted);
        return ($"rollup-{code.ToLowerInvariant()}-{groupBy.ToString().ToLowerInvariant()}",
            [["group", "period", "value", "districts", "students", "suppressed_because"],
             .. rows.Select(r => new[] { r.Group, r.Period, Number(r.Value), r.Districts.ToString(CultureInfo.InvariantCulture), r.Students.ToString(CultureInfo.InvariantCulture), r.SuppressedBecause ?? "" })]);
    }
}
