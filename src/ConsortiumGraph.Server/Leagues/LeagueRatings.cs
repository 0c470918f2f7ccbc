using ConsortiumGraph.Graph;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>One rating of a League's history, as trajectories and the League's distribution read it.</summary>
public sealed record RatedDimension(int MembershipId, DateOnly AssessedOn, string Dimension, int Rating);

/// <summary>
/// Every rating a League's schools gave themselves, read once per batch of Leagues (one statement): a school's
/// trajectory and the League's distribution are both computed from it, so a coordinator's page of every school beside
/// the distribution reads it once.
/// </summary>
public static class LeagueRatings
{
    public static IDataLoaderResult<IReadOnlyList<RatedDimension>> Load(IResolveFieldContext context, int leagueId)
    {
        var loaders = context.Loaders();
        return loaders.For<int, IReadOnlyList<RatedDimension>>("RatingsByLeagueId", (keys, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, IReadOnlyList<RatedDimension>>>(async db =>
            {
                var ids = keys.ToArray();
                var rows = await db.DimensionRatings.AsNoTracking().Where(r => ids.Contains(r.Assessment.Membership.LeagueId))
                    .OrderBy(r => r.Assessment.AssessedOn).ThenBy(r => r.Id)
                    .Select(r => new { r.Assessment.Membership.LeagueId, r.Assessment.MembershipId, r.Assessment.AssessedOn, r.Dimension.Key, r.Rating })
                    .ToListAsync(ct);
                return rows.GroupBy(r => r.LeagueId).ToDictionary(g => g.Key,
                    g => (IReadOnlyList<RatedDimension>)[.. g.Select(r => new RatedDimension(r.MembershipId, r.AssessedOn, r.Key, r.Rating))]);
            }, ct),
            missing: []).Load(leagueId);
    }

    /// <summary>The school year a day falls in ("2024-25"): July to June, as districts budget and calendar.</summary>
    public static string SchoolYearOf(DateOnly day)
    {
        var start = day.Month >= 7 ? day.Year : day.Year - 1;
        return $"{start}-{(start + 1) % 100:D2}";
    }

    /// <summary>
    /// Per dimension and school year, the spread of the schools' ratings: each school counts once a year, with its
    /// latest assessment that year.
    /// </summary>
    public static IReadOnlyList<DimensionDistribution> Distribution(IReadOnlyList<RatedDimension> ratings) =>
    [
        .. ratings.GroupBy(r => (r.Dimension, Year: SchoolYearOf(r.AssessedOn)))
            .Select(g =>
            {
                var latest = g.GroupBy(r => r.MembershipId).Select(s => (double)s.MaxBy(r => r.AssessedOn)!.Rating).Order().ToArray();
                return new DimensionDistribution(g.Key.Dimension, g.Key.Year, latest.Length, latest[0], Quantile(latest, 0.25), Quantile(latest, 0.5), Quantile(latest, 0.75), latest[^1]);
            })
            .OrderBy(d => d.Dimension, StringComparer.Ordinal).ThenBy(d => d.SchoolYear, StringComparer.Ordinal),
    ];

    /// <summary>A school's ratings per dimension over time, against its own first rating, with the League's median beside each.</summary>
    public static IReadOnlyList<DimensionTrajectory> Trajectory(int membershipId, IReadOnlyList<RatedDimension> leagueRatings)
    {
        var medians = Distribution(leagueRatings).ToDictionary(d => (d.Dimension, d.SchoolYear), d => d.Median);
        return
        [
            .. leagueRatings.Where(r => r.MembershipId == membershipId).GroupBy(r => r.Dimension)
                .Select(g =>
                {
                    var points = g.OrderBy(r => r.AssessedOn)
                        .Select(r => new TrajectoryPoint(r.AssessedOn, SchoolYearOf(r.AssessedOn), r.Rating, medians[(r.Dimension, SchoolYearOf(r.AssessedOn))])).ToList();
                    var (first, last) = (points[0], points[^1]);
                    var years = (last.AssessedOn.DayNumber - first.AssessedOn.DayNumber) / 365.25;
                    return new DimensionTrajectory(g.Key, points, first.Rating, last.Rating, last.Rating - first.Rating,
                        years >= 0.5 ? Math.Round((last.Rating - first.Rating) / years, 2) : null);
                })
                .OrderBy(t => t.Dimension, StringComparer.Ordinal),
        ];
    }

    // Linear interpolation between closest ranks (the spreadsheet QUARTILE.INC and R's type 7), on sorted values.
    private static double Quantile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var (low, high) = ((int)Math.Floor(position), (int)Math.Ceiling(position));
        return Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (position - low), 2);
    }
}
