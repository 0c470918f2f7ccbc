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

    /// <summary>Groups that only schools fall in.</summary>
    public static bool OfSchools(RollupGroup group) => group is RollupGroup.School or RollupGroup.League or RollupGroup.Dimension;

    /// <summary>
    /// An indicator across the consortium's districts, or schools for a school indicator (of a League's members, with
    /// <paramref name="leagueId"/>), grouped and per period, in one SQL statement (GROUP BY); rows the caller may not see
    /// (other consortia, unconsented values for funders) are not in it.
    /// </summary>
    public static async Task<IReadOnlyList<RollupRow>> ComputeAsync(ConsortiumDb db, int consortiumId, string consortiumName, Indicator indicator,
        RollupGroup groupBy, IReadOnlyCollection<string>? periods, IReadOnlyCollection<int>? partnershipIds, CancellationToken ct, bool consentedOnly = false,
        int? leagueId = null)
    {
        if (indicator.Level == IndicatorLevel.District && (OfSchools(groupBy) || leagueId is not null))
            throw new ExecutionError($"`{indicator.Code}` is a district indicator: {(leagueId is null ? $"{groupBy.ToString().ToUpperInvariant()} groups schools" : "a League rolls up school indicators")}; "
                + "the consortium's `indicators` say each one's level.") { Code = "WRONG_LEVEL" };
        var values = db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id);
        values = indicator.Level == IndicatorLevel.School ? values.Where(v => v.SchoolId != null) : values.Where(v => v.SchoolId == null);
        // A League's roll-up is about its members today.
        if (leagueId is not null)
            values = values.Where(v => db.LeagueMemberships.Any(m => m.LeagueId == leagueId && m.SchoolId == v.SchoolId && m.JoinedOn != null && m.LeftOn == null));
        // Funder reports use only what districts share, whoever previews them.
        if (consentedOnly) values = values.Where(v => db.DataSharingConsents.Any(c => c.DistrictId == v.DistrictId && c.IndicatorId == v.IndicatorId && c.SharedWithFunders));
        if (periods is { Count: > 0 }) values = values.Where(v => periods.Contains(v.Period));
        var members = db.LeagueMemberships.Where(m => m.League.ConsortiumId == consortiumId && (leagueId == null || m.LeagueId == leagueId) && m.JoinedOn != null && m.LeftOn == null);
        var open = Commitments.Commitment.OpenStatuses;
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
            // By name and NCES code: two schools of one name are two groups.
            RollupGroup.School => values.Select(v => new Keyed { Group = v.School!.Name + " (" + v.School.Code + ")", Value = v }),
            RollupGroup.League =>
                from v in values
                join m in members on v.SchoolId equals (int?)m.SchoolId
                select new Keyed { Group = m.League.Name, Value = v },
            // The schools working on each dimension of the framework in force (open improvement commitments on it); a school on two counts in both.
            RollupGroup.Dimension =>
                from v in values
                join m in members on v.SchoolId equals (int?)m.SchoolId
                from d in db.FrameworkDimensions
                where d.Framework.LeagueId == m.LeagueId && d.Framework.Version == db.ImprovementFrameworks.Where(f => f.LeagueId == m.LeagueId).Max(f => f.Version)
                    && db.ImprovementCommitments.Any(c => c.MembershipId == m.Id && open.Contains(c.Status) && c.Dimensions.Contains(d.Key))
                select new Keyed { Group = d.Name, Value = v },
            _ => values.Select(v => new Keyed { Group = consortiumName, Value = v }),
        };
        var totals = await keyed.GroupBy(k => new { k.Group, k.Value.Period })
            .Select(g => new RollupTotals
            {
                Group = g.Key.Group, Period = g.Key.Period, Values = g.Count(), Districts = g.Select(k => k.Value.DistrictId).Distinct().Count(),
                Students = g.Sum(k => k.Value.StudentCount),
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
    // Every value of a school indicator is a school's, and none of a district indicator's.
    private static int SchoolsIn(Indicator indicator, RollupTotals t) => indicator.Level == IndicatorLevel.School ? t.Values : 0;

    public static RollupRow Row(Indicator indicator, RollupTotals t)
    {
        if (t.Students < indicator.MinimumGroupSize)
            return new(t.Group, t.Period, null, t.Districts, SchoolsIn(indicator, t), t.Students,
                $"About fewer than {indicator.MinimumGroupSize} students ({t.Students}): not shown, to protect students' privacy.");
        double? value = indicator.Aggregation switch
        {
            Aggregation.Sum => t.Sum,
            Aggregation.Mean => t.Sum / t.Values,
            Aggregation.EnrollmentWeightedMean => t.Students == 0 ? null : t.Weighted / t.Students,
            Aggregation.Min => t.Min,
            _ => t.Max,
        };
        return new(t.Group, t.Period, value is { } v ? Math.Round(v, 2) : null, t.Districts, SchoolsIn(indicator, t), t.Students, null);
    }

    public static void AddRollup(this ObjectGraphType<Consortia.Consortium> consortium) =>
        consortium.AddRollup("An indicator across the consortium's districts, grouped and per period, aggregated as the indicator says, computed in the database. "
            + "A school indicator (the League's common metrics) rolls up schools, under any group; SCHOOL, LEAGUE and DIMENSION take school indicators only. "
            + "Groups about fewer students than the indicator's minimum are suppressed. Funders see only values districts consented to share.",
            c => c.Id, _ => null);

    public static void AddRollup(this ObjectGraphType<Leagues.League> league) =>
        league.AddRollup("One of its consortium's school indicators (the League's common metrics such as graduation, dropout, postsecondary enrollment and "
            + "persistence) across the League's active member schools, grouped and per period, aggregated as the indicator says. SCHOOL shows each school, "
            + "STATE, LOCALE, DISTRICT and PARTNERSHIP group schools by their districts', DIMENSION by what they work on, LEAGUE and CONSORTIUM take all together. "
            + "Groups about fewer students than the indicator's minimum are suppressed. Consortium staff and admins.",
            l => l.ConsortiumId, l => l.Id);

    private static void AddRollup<TSource>(this ObjectGraphType<TSource> type, string description, Func<TSource, int> consortiumOf, Func<TSource, int?> leagueOf)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollupRowType>>>>("rollup")
            .Description(description)
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator's code, e.g. ATTENDANCE_RATE.")
            .Argument<NonNullGraphType<EnumerationGraphType<RollupGroup>>>("groupBy", "How districts, or schools, are grouped.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("periods", "Only these periods (e.g. 2024-25); all when omitted.")
            .AuthorizeWithRoles(Readers.Members)
            .ResolveAsync(async c =>
            {
                var code = c.GetArgument<string>("indicator");
                var periods = c.GetArgument<List<string>?>("periods");
                var consortiumId = consortiumOf(c.Source);
                return await c.Loaders().ReadAsync<IReadOnlyList<RollupRow>>(async db =>
                {
                    var indicator = await db.Indicators.AsNoTracking().Include(i => i.Consortium).FirstOrDefaultAsync(i => i.ConsortiumId == consortiumId && i.Code == code, c.CancellationToken)
                        ?? throw new ExecutionError($"The consortium has no indicator `{code}`; its `indicators` lists their codes.") { Code = "UNKNOWN_INDICATOR" };
                    return await ComputeAsync(db, consortiumId, indicator.Consortium.Name, indicator, c.GetArgument<RollupGroup>("groupBy"), periods, null, c.CancellationToken,
                        leagueId: leagueOf(c.Source));
                }, c.CancellationToken);
            });
    }
}
