using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Reporting;

public static class FundingReports
{
    /// <summary>
    /// The report in statements that do not grow with grants, indicators or districts: the funder, its
    /// grants, their consortia's indicators, one per impact part asked for (<paramref name="parts"/>), one
    /// roll-up over every grant and indicator (GROUP BY grant, indicator, period), and one for withheld data.
    /// District indicators only: a funder never sees a school's values.
    /// </summary>
    public static async Task<FundingReport?> BuildAsync(ConsortiumDb db, int funderId, DateTime now, CancellationToken ct, ImpactParts parts = ImpactParts.All)
    {
        var funder = await db.Funders.AsNoTracking().FirstOrDefaultAsync(f => f.Id == funderId, ct);
        if (funder is null) return null;
        var funded = db.Grants.Where(g => g.FunderId == funderId);
        var grants = await funded.AsNoTracking()
            .Select(g => new { Grant = g, Partnership = g.Partnership.Name, g.Partnership.ConsortiumId, FiscalAgent = g.FiscalAgent.Name })
            .OrderBy(g => g.Grant.StartsOn).ThenBy(g => g.Grant.Id).ToListAsync(ct);
        // A funder's grants usually share a consortium: read its indicators once.
        var consortia = grants.Select(g => g.ConsortiumId).Distinct().ToList();
        var indicatorsOf = (await db.Indicators.AsNoTracking().Where(i => consortia.Contains(i.ConsortiumId) && i.Level == Indicators.IndicatorLevel.District).OrderBy(i => i.Code).ToListAsync(ct))
            .ToLookup(i => i.ConsortiumId);

        var impacts = await Impacts.ComputeAsync(db, funded.Select(g => new ImpactScope { Key = g.Id, PartnershipId = g.PartnershipId, From = g.StartsOn, To = g.EndsOn }),
            [.. grants.Select(g => g.Grant.Id)], ct, parts);

        // Each grant's school years; values outside a grant's years are read only if another grant covers them, and dropped below.
        var years = grants.ToDictionary(g => g.Grant.Id, g => SchoolYears(g.Grant.StartsOn, g.Grant.EndsOn).ToHashSet());
        var anyPeriod = years.Values.Any(y => y.Count == 0);
        var periods = years.Values.SelectMany(y => y).Distinct().ToList();
        // The partnership's members' values of its consortium's indicators, only those the district shares with funders.
        var totals = (await (
                from g in funded
                join m in db.PartnershipMembers on g.PartnershipId equals m.PartnershipId
                join v in db.IndicatorValues on m.DistrictId equals v.DistrictId
                where v.Indicator.ConsortiumId == g.Partnership.ConsortiumId && v.SchoolId == null && (anyPeriod || periods.Contains(v.Period))
                    && db.DataSharingConsents.Any(c => c.DistrictId == v.DistrictId && c.IndicatorId == v.IndicatorId && c.SharedWithFunders)
                group v by new { Grant = g.Id, v.IndicatorId, v.Period } into t
                select new
                {
                    t.Key.Grant, t.Key.IndicatorId, t.Key.Period, Districts = t.Count(), Students = t.Sum(v => v.StudentCount),
                    Sum = t.Sum(v => v.Value), Weighted = t.Sum(v => v.Value * v.StudentCount), Min = t.Min(v => v.Value), Max = t.Max(v => v.Value),
                }).ToListAsync(ct))
            .ToLookup(t => (t.Grant, t.IndicatorId));
        var withheld = (await (
                from g in funded
                join m in db.PartnershipMembers on g.PartnershipId equals m.PartnershipId
                from i in db.Indicators
                where i.ConsortiumId == g.Partnership.ConsortiumId && i.Level == Indicators.IndicatorLevel.District
                    && !db.DataSharingConsents.Any(c => c.DistrictId == m.DistrictId && c.IndicatorId == i.Id && c.SharedWithFunders)
                select new { Grant = g.Id, District = m.District.Name, Indicator = i.Code }).ToListAsync(ct))
            .ToLookup(w => w.Grant);

        var report = grants.Select(g => new FundedGrant(g.Grant, g.Partnership, g.FiscalAgent, impacts[g.Grant.Id],
            [.. indicatorsOf[g.ConsortiumId].Select(indicator => new IndicatorTrend(indicator.Code, indicator.Name, indicator.Unit, indicator.Aggregation,
                [.. totals[(g.Grant.Id, indicator.Id)].Where(t => years[g.Grant.Id].Count == 0 || years[g.Grant.Id].Contains(t.Period))
                    .OrderBy(t => t.Period, StringComparer.Ordinal)
                    .Select(t => Rollups.Row(indicator, new RollupTotals
                    {
                        Group = g.Partnership, Period = t.Period, Values = t.Districts, Districts = t.Districts, Students = t.Students, Sum = t.Sum, Weighted = t.Weighted, Min = t.Min, Max = t.Max,
                    }))]))],
            [.. withheld[g.Grant.Id].OrderBy(w => w.District, StringComparer.Ordinal).ThenBy(w => w.Indicator, StringComparer.Ordinal)
                .Select(w => new WithheldData(w.District, w.Indicator))])).ToList();
        return new FundingReport(funder, now, report);
    }

    /// <summary>School years (July to June) that overlap [from, to], as "2025-26".</summary>
    public static IReadOnlyList<string> SchoolYears(DateOnly from, DateOnly to)
    {
        var first = from.Month >= 7 ? from.Year : from.Year - 1;
        var last = to.Month >= 7 ? to.Year : to.Year - 1;
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(y => $"{y}-{(y + 1) % 100:00}")];
    }

    public static void AddFundingReport(this ObjectGraphType<object?> query) =>
        query.Field<FundingReportType>("fundingReport")
            .Description("A funder's report: for each grant, the funded partnership's impact over the grant period and its member districts' indicator trends, "
                + "aggregated only and only from data the districts consented to share; withheld data is named. Funders get their own; admins pass `funderId`.")
            .Argument<IdGraphType>("funderId", "The funder (admins); a funder's own token needs none.")
            .AuthorizeWithRoles(Readers.Funding)
            .ResolveAsync(async c =>
            {
                var caller = await c.RequestServices!.GetRequiredService<RequestCaller>().GetAsync(c.CancellationToken);
                var given = c.GetArgument<string?>("funderId");
                var funderId = caller.IsFunder ? caller.FunderId
                    : given is null ? throw new ExecutionError("`funderId` is required for consortium admins: name the funder whose report you want (`funders` lists them).") { Code = "REQUIRED" }
                    : GlobalId.TryDecode(given, "Funder", out var id) ? id
                    : throw new ExecutionError("`funderId` is not the ID of a Funder.") { Code = "INVALID_ID" };
                var now = c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var parts = Impacts.SelectedParts(c, "grants", "impact");
                return await c.Loaders().ReadAsync(db => BuildAsync(db, funderId ?? 0, now, c.CancellationToken, parts), c.CancellationToken);
            });
}
