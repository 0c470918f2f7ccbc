using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Indicators;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Reporting;

public static class Rollups
{
    private sealed class Keyed
    {
        public required string Group { get; init; }
        public required IndicatorValue Value { get; init; }
    }

    /// <summary>
    /// An indicator across the consortium's districts, grouped and per period, in one SQL statement (GROUP BY);
    /// rows the caller may not see (other consortia, unconsented values for funders) are not in it.
    /// </summary>
    public static async Task<IReadOnlyList<RollupRow>> ComputeAsync(ConsortiumDb db, int consortiumId, string consortiumName, Indicator indicator,
        RollupGroup groupBy, IReadOnlyCollection<string>? periods, IReadOnlyCollection<int>? partnershipIds, CancellationToken ct, bool consentedOnly = false)
    {
        var values = db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id);
        // Funder reports use only what districts share, whoever previews them.
        if (consentedOnly) values = values.Where(v => db.DataSharingConsents.Any(c => c.DistrictId == v.DistrictId && c.IndicatorId == v.IndicatorId && c.SharedWithFunders));
        if (periods is { Count: > 0 }) values = values.Where(v => periods.Contains(v.Period));
        IQueryable<Keyed> keyed = groupBy switch
        {
            RollupGroup.State => values.Select(v => new Keyed { Group = v.District.State, Value = v }),
            RollupGroup.Locale => values.Select(v => new Keyed
            {
                Group = v.District.Locale == Locale.City ? "CITY" : v.District.Locale == Locale.Suburb ? "SUBURB" : v.District.Locale == Locale.Town ? "TOWN" : "RURAL",
                Value = v,
            }),
            RollupGroup.District => values.Select(v => new Keyed { Group = v.District.Name, Value = v }),
            RollupGroup.Partnership =>
                from v in values
                join m in db.PartnershipMembers on v.DistrictId equals m.DistrictId
                where m.Partnership.ConsortiumId == consortiumId && (partnershipIds == null || partnershipIds.Contains(m.PartnershipId))
                select new Keyed { Group = m.Partnership.Name, Value = v },
            _ => values.Select(v => new Keyed { Group = consortiumName, Value = v }),
        };
        var totals = await keyed.GroupBy(k => new { k.Group, k.Value.Period })
            .Select(g => new RollupTotals
            {
                Group = g.Key.Group, Period = g.Key.Period, Districts = g.Count(), Students = g.Sum(k => k.Value.StudentCount),
                Sum = g.Sum(k => k.Value.Value), Weighted = g.Sum(k => k.Value.Value * k.Value.StudentCount),
                Min = g.Min(k => k.Value.Value), Max = g.Max(k => k.Value.Value),
            })
            .ToListAsync(ct);
        return [.. totals.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).Select(t => Row(indicator, t))];
    }

    /// <summary>
    /// Applies the indicator's aggregation, and suppresses a group about fewer students than the indicator's
    /// minimum, as education reports do to protect students.
    /// </summary>
    public static RollupRow Row(Indicator indicator, RollupTotals t)
    {
        if (t.Students < indicator.MinimumGroupSize)
            return new(t.Group, t.Period, null, t.Districts, t.Students,
                $"About fewer than {indicator.MinimumGroupSize} students ({t.Students}): not shown, to protect students' privacy.");
        double? value = indicator.Aggregation switch
        {
            Aggregation.Sum => t.Sum,
            Aggregation.Mean => t.Sum / t.Districts,
            Aggregation.EnrollmentWeightedMean => t.Students == 0 ? null : t.Weighted / t.Students,
            Aggregation.Min => t.Min,
            _ => t.Max,
        };
        return new(t.Group, t.Period, value is { } v ? Math.Round(v, 2) : null, t.Districts, t.Students, null);
    }

    public static void AddRollup(this ObjectGraphType<Consortia.Consortium> consortium)
    {
        consortium.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollupRowType>>>>("rollup")
            .Description("An indicator across the consortium's districts, grouped and per period, aggregated as the indicator says, computed in the database. "
                + "Groups about fewer students than the indicator's minimum are suppressed. Funders see only values districts consented to share.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator's code, e.g. ATTENDANCE_RATE.")
            .Argument<NonNullGraphType<EnumerationGraphType<RollupGroup>>>("groupBy", "How districts are grouped.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("periods", "Only these periods (e.g. 2024-25); all when omitted.")
            .AuthorizeWithRoles(Readers.Members)
            .ResolveAsync(async c =>
            {
                var code = c.GetArgument<string>("indicator");
                var periods = c.GetArgument<List<string>?>("periods");
                return await c.Loaders().ReadAsync<IReadOnlyList<RollupRow>>(async db =>
                {
                    var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.ConsortiumId == c.Source.Id && i.Code == code, c.CancellationToken)
                        ?? throw new ExecutionError($"{c.Source.Name} has no indicator `{code}`; `indicators` lists its codes.") { Code = "UNKNOWN_INDICATOR" };
                    return await ComputeAsync(db, c.Source.Id, c.Source.Name, indicator, c.GetArgument<RollupGroup>("groupBy"), periods, null, c.CancellationToken);
                }, c.CancellationToken);
            });
    }
}
