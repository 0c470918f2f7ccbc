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
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(connectionString);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString);
                break;
        }
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
