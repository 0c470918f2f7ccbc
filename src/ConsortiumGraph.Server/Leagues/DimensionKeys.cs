using ConsortiumGraph.Graph;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>The dimension keys a record names (a shared practice, an improvement commitment), checked against the League's framework in force.</summary>
internal static class DimensionKeys
{
    /// <summary>The League's framework version in force (its latest), with its dimensions; null before the first.</summary>
    public static Task<ImprovementFramework?> InForceAsync<TInput>(MutationContext<TInput> m, int leagueId) =>
        m.Db.ImprovementFrameworks.Include(f => f.Dimensions).Where(f => f.LeagueId == leagueId)
            .OrderByDescending(f => f.Version).FirstOrDefaultAsync(m.Field.CancellationToken);

    /// <summary>The keys, trimmed, once each; records REQUIRED, NO_FRAMEWORK, UNKNOWN_DIMENSION or DUPLICATE_DIMENSION otherwise (and answers null for no framework).</summary>
    public static async Task<List<string>?> CheckAsync<TInput>(MutationContext<TInput> m, League league, IReadOnlyList<string> keys, string what, string leagueField = "membershipId")
    {
        if (keys.Count == 0) m.Invalid("REQUIRED", $"Name at least one dimension {what}.", "dimensions");
        var framework = await InForceAsync(m, league.Id);
        if (framework is null)
        {
            m.Violates("NO_FRAMEWORK", $"{league.Name} has no framework yet, so there is no dimension to name.", leagueField);
            return null;
        }
        var found = new List<string>();
        foreach (var (key, i) in keys.Select((d, i) => (d.Trim(), i)))
        {
            if (framework.Dimensions.All(d => d.Key != key))
                m.Invalid("UNKNOWN_DIMENSION", $"Version {framework.Version} of the framework has no dimension {key}; it has {string.Join(", ", framework.Dimensions.OrderBy(d => d.Position).Select(d => d.Key))}.", $"dimensions.{i}");
            else if (found.Contains(key)) m.Invalid("DUPLICATE_DIMENSION", $"The dimension {key} is named twice.", $"dimensions.{i}");
            else found.Add(key);
        }
        return found;
    }
}
