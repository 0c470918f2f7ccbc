using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConsortiumGraph.Data;

/// <summary>The storage a server runs on: <c>Database:Provider</c> with <c>ConnectionStrings:Consortium</c>.</summary>
public enum DatabaseProvider { Sqlite, PostgreSql, SqlServer }

public static class DatabaseProviders
{
    public const string DefaultSqliteConnection = "Data Source=consortium.db";

    /// <summary>Configures EF Core for one provider; shared by the server, the design-time tools and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            // Single queries: the loaders read a batch's collections together, and a split query would read
            // them in separate snapshots. Said explicitly, so EF Core does not warn (20504) on each such query.
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(PreparedStatements(connectionString), o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
        }
        // EF Core warns (10622) that a row filter hides the required end of some relationships whose dependents
        // have no filter of their own: signatures, votes, progress reports, indicator revisions, consents and a
        // key's consortia. Deliberately: those are read only through their principal (loaders keyed by the IDs of
        // rows the caller sees), and a filter on them would change what their principal's filter computes
        // (ApiKey's must see all of a key's consortia). The tenant-isolation tests check what each role reads.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

    /// <summary>
    /// The server's PostgreSQL connections prepare what they run and keep one plan per statement, unless the
    /// connection string says otherwise. Every read carries the caller's row filter (<c>$1 OR … = ANY($2)</c>),
    /// which makes PostgreSQL's custom plan look so much cheaper than its generic one that, left to itself, it plans
    /// every execution anew even when prepared: 2 ms for a district's filter, most of the database's work per request.
    /// The generic plan of these statements keeps the key lookups' index scans (bench/run measures both). A generic
    /// plan's cost is estimated for any parameter value, so high that PostgreSQL's JIT compiles it at every execution
    /// (70 ms for the district list's page, which runs in 1 ms without): the server's statements are short, and JIT is off.
    /// With statements prepared, Npgsql cannot reset a returned connection with one DISCARD ALL and sends seven
    /// statements instead; the server keeps no session state (no SET, temporary tables or advisory locks; the
    /// event backplane's LISTEN connection has its own, untuned connection string), so it skips the reset.
    /// </summary>
    public static string PreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's builder knows every keyword; the generic one only those the string gives (spelled either way).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 256;
            if (!given.Contains("AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        }
        if (!given.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        foreach (var (setting, value) in new[] { ("plan_cache_mode", "force_generic_plan"), ("jit", "off") })
            if (builder.Options?.Contains(setting) != true)
                builder.Options = string.Join(' ', new[] { builder.Options, $"-c {setting}={value}" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        return builder.ConnectionString;
    }

    public static ConsortiumDb Create(DatabaseProvider provider, string connectionString)
    {
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConsortiumDb(Options<SqliteConsortiumDb>(provider, connectionString)),
            DatabaseProvider.PostgreSql => new PostgreSqlConsortiumDb(Options<PostgreSqlConsortiumDb>(provider, connectionString)),
            _ => new SqlServerConsortiumDb(Options<SqlServerConsortiumDb>(provider, connectionString)),
        };

        static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString) where T : DbContext
        {
            var builder = new DbContextOptionsBuilder<T>();
            Configure(builder, provider, connectionString);
            return builder.Options;
        }
    }
}

// `dotnet ef migrations add X --context <Provider>ConsortiumDb` builds these; no server is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteConsortiumDb>
{
    public SqliteConsortiumDb CreateDbContext(string[] args) =>
        (SqliteConsortiumDb)DatabaseProviders.Create(DatabaseProvider.Sqlite, DatabaseProviders.DefaultSqliteConnection);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlConsortiumDb>
{
    public PostgreSqlConsortiumDb CreateDbContext(string[] args) =>
        (PostgreSqlConsortiumDb)DatabaseProviders.Create(DatabaseProvider.PostgreSql, "Host=localhost;Database=consortium");
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerConsortiumDb>
{
    public SqlServerConsortiumDb CreateDbContext(string[] args) =>
        (SqlServerConsortiumDb)DatabaseProviders.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=consortium;TrustServerCertificate=true");
}
