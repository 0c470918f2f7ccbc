using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.Data;

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Apply pending migrations at start. When false, a server on an out-of-date database refuses to start.</summary>
    public bool MigrateOnStart { get; set; } = true;
    /// <summary>Fill an empty database with the demo consortium.</summary>
    public bool SeedDemoData { get; set; } = true;
    /// <summary>
    /// District codes to add to the demo consortium when it is seeded, when the demo lacks them: a plugin author's own
    /// district, so the plugin loads and can be tried (the plugin test kit sets them from the plugins it is given).
    /// </summary>
    public List<string> DemoStandIns { get; set; } = [];
}

public static class DatabaseSetup
{
    public static IServiceCollection AddConsortiumDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Consortium");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException(
                    $"Database:Provider is {options.Provider}: set ConnectionStrings:Consortium to the server's connection string.");
            connectionString = DatabaseProviders.DefaultSqliteConnection;
        }

        services.AddSingleton(options);
        services.AddSingleton<SqlStatementCounter>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite: Register<SqliteConsortiumDb>(services, options.Provider, connectionString); break;
            case DatabaseProvider.PostgreSql: Register<PostgreSqlConsortiumDb>(services, options.Provider, connectionString); break;
            case DatabaseProvider.SqlServer: Register<SqlServerConsortiumDb>(services, options.Provider, connectionString); break;
        }
        return services;
    }

    private static void Register<TDb>(IServiceCollection services, DatabaseProvider provider, string connectionString) where TDb : ConsortiumDb
    {
        services.AddPooledDbContextFactory<TDb>((sp, o) =>
        {
            DatabaseProviders.Configure(o, provider, connectionString);
            o.AddInterceptors(sp.GetRequiredService<SqlStatementCounter>());
        });
        services.AddSingleton<IDbContextFactory<ConsortiumDb>>(sp => new ProviderDbFactory<TDb>(sp.GetRequiredService<IDbContextFactory<TDb>>()));
    }

    /// <summary>Brings the schema up to date (or checks it is) and seeds the demo consortium into an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ConsortiumGraph.Database");
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            if (!options.MigrateOnStart)
                throw new InvalidOperationException(
                    $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). " +
                    "Apply them, or start with Database:MigrateOnStart=true.");
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await Access.ApiKeyConsortium.BackfillAsync(db, logger, cancellationToken);

        if (options.Provider == DatabaseProvider.Sqlite)
            // Readers no longer wait for a writer; matters as soon as two districts use the server at once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        if (options.SeedDemoData && !await db.Consortia.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Empty database: adding the demo consortium.");
            await DemoData.SeedAsync(db, services.GetRequiredService<TimeProvider>(), cancellationToken);
            if (options.DemoStandIns.Count > 0) await DemoData.AddStandInsAsync(db, options.DemoStandIns, cancellationToken);
        }
    }

    /// <summary>
    /// Every context comes from here. Contexts are pooled, and a pooled context keeps its properties
    /// between rentals, so each rental starts unrestricted; a request then narrows it to its caller.
    /// </summary>
    private sealed class ProviderDbFactory<TDb>(IDbContextFactory<TDb> inner) : IDbContextFactory<ConsortiumDb> where TDb : ConsortiumDb
    {
        public ConsortiumDb CreateDbContext() => inner.CreateDbContext().WithFullAccess();
        public async Task<ConsortiumDb> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            (await inner.CreateDbContextAsync(cancellationToken)).WithFullAccess();
    }
}
