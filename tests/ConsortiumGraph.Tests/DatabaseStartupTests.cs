using ConsortiumGraph.Tests.Infrastructure;
using ConsortiumGraph.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConsortiumGraph.Tests;

/// <summary>What the server does with its database at start: migrate and seed a new one, or refuse an outdated one when told not to migrate.</summary>
public sealed class DatabaseStartupTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"consortiumgraph-startup-{Guid.NewGuid():N}.db");

    private ServiceProvider Services(bool migrateOnStart) => new ServiceCollection()
        .AddLogging()
        .AddSingleton(TimeProvider.System)
        .AddConsortiumDatabase(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Consortium"] = $"Data Source={_file}",
            ["Database:MigrateOnStart"] = migrateOnStart.ToString(),
        }).Build())
        .BuildServiceProvider();

    [Fact]
    public async Task Without_migrate_on_start_an_unmigrated_database_stops_the_server_with_a_reason()
    {
        await using var services = Services(migrateOnStart: false);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.InitializeDatabaseAsync());
        Assert.Contains("Database:MigrateOnStart=true", error.Message);
        Assert.Contains("Initial", error.Message);
        await using var db = services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContext();
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_migrated_database_starts_without_migrating_and_keeps_its_data()
    {
        await using (var first = Services(migrateOnStart: true))
            await first.InitializeDatabaseAsync();
        await using var services = Services(migrateOnStart: false);
        await services.InitializeDatabaseAsync();
        await using var db = services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContext();
        Assert.Equal(Demo.Districts, await db.Districts.CountAsync());
        Assert.Equal(2, await db.Consortia.CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }
}
