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
                options.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
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
