namespace ConsortiumGraph.Leagues;

/// <summary>
/// A League's ratings with what is computed from them once per request: the distribution per dimension and school year,
/// and each school's ratings by membership, so every school's trajectory beside the distribution costs one pass, not
/// one distribution per school.
/// </summary>
public sealed class LeagueHistory
{
    public static readonly LeagueHistory Empty = new([]);

    private readonly ILookup<int, RatedDimension> _byMembership;
    private readonly Dictionary<(string Dimension, string SchoolYear), double> _medians;

    public LeagueHistory(IReadOnlyList<RatedDimension> ratings)
    {
        Distribution =
        [
            .. ratings.GroupBy(r => (r.Dimension, Year: LeagueRatings.SchoolYearOf(r.AssessedOn)))
                .Select(g =>
                {
                    // Each school counts once a year, with its latest assessment that year.
                    var latest = g.GroupBy(r => r.MembershipId).Select(s => (double)s.MaxBy(r => r.AssessedOn)!.Rating).Order().ToArray();
                    return new DimensionDistribution(g.Key.Dimension, g.Key.Year, latest.Length, latest[0], Quantile(latest, 0.25), Quantile(latest, 0.5), Quantile(latest, 0.75), latest[^1]);
                })
                .OrderBy(d => d.Dimension, StringComparer.Ordinal).ThenBy(d => d.SchoolYear, StringComparer.Ordinal),
        ];
        _medians = Distribution.ToDictionary(d => (d.Dimension, d.SchoolYear), d => d.Median);
        _byMembership = ratings.ToLookup(r => r.MembershipId);
    }

    /// <summary>Per dimension and school year, the spread of the schools' ratings.</summary>
    public IReadOnlyList<DimensionDistribution> Distribution { get; }

    /// <summary>A school's ratings per dimension over time, against its own first rating, with the League's median beside each.</summary>
    public IReadOnlyList<DimensionTrajectory> TrajectoryOf(int membershipId) =>
    [
        .. _byMembership[membershipId].GroupBy(r => r.Dimension)
            .Select(g =>
            {
                var points = g.OrderBy(r => r.AssessedOn).Select(r =>
                {
                    var year = LeagueRatings.SchoolYearOf(r.AssessedOn);
                    return new TrajectoryPoint(r.AssessedOn, year, r.Rating, _medians[(r.Dimension, year)]);
                }).ToList();
                var (first, last) = (points[0], points[^1]);
                var years = (last.AssessedOn.DayNumber - first.AssessedOn.DayNumber) / 365.25;
                return new DimensionTrajectory(g.Key, points, first.Rating, last.Rating, last.Rating - first.Rating,
                    years >= 0.5 ? Math.Round((last.Rating - first.Rating) / years, 2) : null);
            })
            .OrderBy(t => t.Dimension, StringComparer.Ordinal),
    ];

    // Linear interpolation between closest ranks (the spreadsheet QUARTILE.INC and R's type 7), on sorted values.
    private static double Quantile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var (low, high) = ((int)Math.Floor(position), (int)Math.Ceiling(position));
        return Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (position - low), 2);
    }
}
