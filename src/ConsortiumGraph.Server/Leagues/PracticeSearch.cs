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

    /// <summary>The practices of <paramref name="practices"/> that match every word of <paramref name="text"/>.</summary>
    public static IQueryable<SharedPractice> Matching(ConsortiumDb db, IQueryable<SharedPractice> practices, string text)
    {
        var words = Words(text);
        if (words.Count == 0) return practices;
        if (db.Database.IsSqlite())
        {
            // Each word quoted: FTS5's query syntax (AND, NEAR, a stray quote) is not the caller's to write.
            var query = string.Join(' ', words.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"SharedPracticeSearch\" WHERE \"SharedPracticeSearch\" MATCH {query}");
            return practices.Where(p => ids.Contains(p.Id));
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
