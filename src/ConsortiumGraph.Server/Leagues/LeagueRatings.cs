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
    public static IDataLoaderResult<LeagueHistory> Load(IResolveFieldContext context, int leagueId)
    {
        var loaders = context.Loaders();
        return loaders.For<int, LeagueHistory>("RatingsByLeagueId", (keys, ct) => loaders.ReadAsync<IReadOnlyDictionary<int, LeagueHistory>>(async db =>
            {
                var ids = keys.ToArray();
                var rows = await db.DimensionRatings.AsNoTracking().Where(r => ids.Contains(r.Assessment.Membership.LeagueId))
                    .OrderBy(r => r.Assessment.AssessedOn).ThenBy(r => r.Id)
                    .Select(r => new { r.Assessment.Membership.LeagueId, r.Assessment.MembershipId, r.Assessment.AssessedOn, r.Dimension.Key, r.Rating })
                    .ToListAsync(ct);
                return rows.GroupBy(r => r.LeagueId).ToDictionary(g => g.Key,
                    g => new LeagueHistory([.. g.Select(r => new RatedDimension(r.MembershipId, r.AssessedOn, r.Key, r.Rating))]));
            }, ct),
            missing: LeagueHistory.Empty).Load(leagueId);
    }

    /// <summary>The school year a day falls in ("2024-25"): July to June, as districts budget and calendar.</summary>
    public static string SchoolYearOf(DateOnly day)
    {
        var start = day.Month >= 7 ? day.Year : day.Year - 1;
        return $"{start}-{(start + 1) % 100:D2}";
    }
}
