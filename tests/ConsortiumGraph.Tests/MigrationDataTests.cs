using ConsortiumGraph.Agreements;
using ConsortiumGraph.Data;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Migrations that reshape stored data carry it over: a database at the migration before, written with
/// that schema's SQL, reads the same after migrating. On SQLite and on PostgreSQL.
/// </summary>
public abstract class MigrationDataTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Before = "DirectoryRevisions";
    private readonly string _name = $"consortiumgraph_migration_{Guid.NewGuid():N}";
    private ServiceProvider? _services;

    private string ConnectionString => provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(Path.GetTempPath(), _name + ".db")}"
        : new NpgsqlConnectionStringBuilder(PostgreSqlServer.ServerConnectionString!) { Database = _name }.ConnectionString;

    private ConsortiumDb Open()
    {
        _services ??= new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddConsortiumDatabase(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(), ["ConnectionStrings:Consortium"] = ConnectionString,
            }).Build())
            .BuildServiceProvider();
        return _services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContext();
    }

    [DatabaseFact]
    public async Task One_role_becomes_a_set_and_signed_agreements_are_in_force_or_superseded()
    {
        await using (var db = Open())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_" + Before, StringComparison.Ordinal)));
            // Rows as the schema before stored them: Role 0 lead, 1 fiscal agent, 2 member; an agreement with an effective date was signed by all.
            foreach (var sql in new[]
            {
                """INSERT INTO "Consortia" ("Id", "Name", "SharedGoal", "Revision") VALUES (1, 'Migrated', 'Goal', 0)""",
                """INSERT INTO "Districts" ("Id", "Code", "Name", "State", "Locale", "Enrollment", "Revision") VALUES (1, '9900001', 'Lead', 'VT', 0, 100, 0), (2, '9900002', 'Agent', 'VT', 0, 100, 0), (3, '9900003', 'Member', 'VT', 0, 100, 0)""",
                """INSERT INTO "Partnerships" ("Id", "ConsortiumId", "Name", "Kind", "Status", "Revision") VALUES (1, 1, 'Grant', 6, 1, 0), (2, 1, 'Draft', 3, 0, 0)""",
                """INSERT INTO "PartnershipMembers" ("PartnershipId", "DistrictId", "Role", "JoinedOn") VALUES (1, 1, 0, '2025-07-01'), (1, 2, 1, '2025-07-01'), (1, 3, 2, '2025-07-01'), (2, 1, 0, '2025-07-01'), (2, 3, 2, '2025-07-01')""",
                """INSERT INTO "Agreements" ("PartnershipId", "Version", "Title", "Terms", "EffectiveOn", "Revision") VALUES (1, 1, 'MOU', 'v1', '2025-07-01', 0), (1, 2, 'MOU', 'v2', '2026-07-01', 0), (1, 3, 'MOU', 'v3', NULL, 0), (2, 1, 'MOU', 'v1', NULL, 0)""",
            })
                await db.Database.ExecuteSqlRawAsync(sql);
            await migrator.MigrateAsync();
        }

        await using var migrated = Open();
        migrated.Unrestricted = true;
        var members = await migrated.PartnershipMembers.OrderBy(m => m.PartnershipId).ThenBy(m => m.DistrictId)
            .Select(m => new { m.PartnershipId, m.DistrictId, m.IsLead, m.IsFiscalAgent, m.LeftOn }).ToListAsync();
        Assert.Equal([(1, 1, true, false), (1, 2, false, true), (1, 3, false, false), (2, 1, true, false), (2, 3, false, false)],
            members.Select(m => (m.PartnershipId, m.DistrictId, m.IsLead, m.IsFiscalAgent)));
        Assert.All(members, m => Assert.Null(m.LeftOn));
        var agreements = await migrated.Agreements.OrderBy(a => a.PartnershipId).ThenBy(a => a.Version).Select(a => new { a.PartnershipId, a.Version, a.Status }).ToListAsync();
        Assert.Equal([(1, 1, AgreementStatus.Superseded), (1, 2, AgreementStatus.InForce), (1, 3, AgreementStatus.Pending), (2, 1, AgreementStatus.Pending)],
            agreements.Select(a => (a.PartnershipId, a.Version, a.Status)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(Path.Combine(Path.GetTempPath(), _name + ".db"));
        }
        else if (PostgreSqlServer.ServerConnectionString is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

public sealed class SqliteMigrationDataTests() : MigrationDataTests(DatabaseProvider.Sqlite);

public sealed class PostgreSqlMigrationDataTests() : MigrationDataTests(DatabaseProvider.PostgreSql), IPostgreSqlSuite;
