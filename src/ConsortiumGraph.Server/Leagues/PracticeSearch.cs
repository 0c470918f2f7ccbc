using ConsortiumGraph.Data;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Leagues;

/// <summary>
/// Full-text search over shared practices, through each provider's own index: SQLite's FTS5 table
/// <c>SharedPracticeSearch</c> (porter stemming, kept by triggers) and PostgreSQL's GIN index on the English
/// <c>to_tsvector</c> of the same four texts (the migrations create both). Both match every word given, stemmed
/// ("visits" finds "visiting"). SQL Server, which needs a full-text catalog its migrations do not create, matches
/// the words as substrings.
/// </summary>
public static class PracticeSearch
{
    public const int MaxLength = 200;

    /// <summary>The PostgreSQL expression the GIN index is built on; a query must repeat it exactly for the index to serve.</summary>
    public const string PostgreSqlDocument =
        """to_tsvector('english'::regconfig, coalesce("Title", '') || ' ' || coalesce("Summary", '') || ' ' || coalesce("WhatWorked", '') || ' ' || coalesce("WhatDidNot", ''))""";

    /// <summary>The practices of League <paramref name="leagueId"/> that match every word of <paramref name="text"/> (all of them when it has no words).</summary>
    /// <remarks>
    /// The words match across every League: on the national data the benchmark's words match 6,711 practices of 201
    /// Leagues, 22 of them this League's. On SQLite the planner started from those matches and read each practice by
    /// its key to keep the League's (11-12 ms a page); reading the key as <c>Id + 0</c> makes it start from the League's
    /// index and look each of its practices up among the matches (2-3 ms). PostgreSQL already starts from the League's
    /// practices and hashes them against the matches (1.9 ms warm); with the League's condition inside the match it
    /// combined the two indexes instead and took 4.1 ms, so its query is left as it was.
    /// </remarks>
    public static IQueryable<SharedPractice> InLeague(ConsortiumDb db, int leagueId, string? text)
    {
        var practices = db.SharedPractices.Where(p => p.LeagueId == leagueId);
        var words = Words(text ?? "");
        if (words.Count == 0) return practices;
        if (db.Database.IsSqlite())
        {
            // Each word quoted: FTS5's query syntax (AND, NEAR, a stray quote) is not the caller's to write.
            var query = string.Join(' ', words.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"SharedPracticeSearch\" WHERE \"SharedPracticeSearch\" MATCH {query}");
            return practices.Where(p => ids.Contains(p.Id + 0));
        }
        if (db.Database.IsNpgsql())
        {
            var query = string.Join(' ', words);
            var ids = db.Database.SqlQueryRaw<int>(
                $"SELECT \"Id\" AS \"Value\" FROM \"SharedPractices\" WHERE {PostgreSqlDocument} @@ plainto_tsquery('english'::regconfig, {{0}})", query);
            return practices.Where(p => ids.Contains(p.Id));
        }
        foreach (var word in words)
            practices = practices.Where(p => p.Title.Contains(word) || p.Summary.Contains(word) || (p.WhatWorked != null && p.WhatWorked.Contains(word))
                || (p.WhatDidNot != null && p.WhatDidNot.Contains(word)));
        return practices;
    }

    private static List<string> Words(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.Trim('"', '\'', '*', '(', ')', '-', '+', ':', '^')).Where(w => w.Length > 0).Distinct().Take(20)];
}
