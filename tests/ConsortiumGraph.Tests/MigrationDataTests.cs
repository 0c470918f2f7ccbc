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

    [DatabaseFact]
    public async Task Amounts_stored_as_decimals_become_exact_cents_that_sum_and_sort_in_sql()
    {
        await using (var db = Open())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_DirectoryClosures", StringComparison.Ordinal)));
            // As the decimal columns held them: SQLite as text, PostgreSQL as numeric(14,2).
            foreach (var sql in new[]
            {
                """INSERT INTO "Consortia" ("Id", "Name", "SharedGoal", "Revision") VALUES (1, 'Migrated', 'Goal', 0)""",
                """INSERT INTO "Districts" ("Id", "Code", "Name", "State", "Locale", "Enrollment", "Revision") VALUES (1, '9900001', 'Lead', 'VT', 0, 100, 0), (2, '9900002', 'Member', 'VT', 0, 100, 0)""",
                """INSERT INTO "Partnerships" ("Id", "ConsortiumId", "Name", "Kind", "Status", "Revision") VALUES (1, 1, 'Buses', 0, 1, 0)""",
                """INSERT INTO "Funders" ("Id", "Name") VALUES (1, 'Fund')""",
                """INSERT INTO "Grants" ("Id", "FunderId", "PartnershipId", "FiscalAgentId", "Amount", "StartsOn", "EndsOn") VALUES (1, 1, 1, 1, 99999999999.99, '2025-07-01', '2026-06-30'), (2, 1, 1, 1, 9.5, '2025-07-01', '2026-06-30'), (3, 1, 1, 1, 10.07, '2025-07-01', '2026-06-30')""",
                """INSERT INTO "Commitments" ("Id", "PartnershipId", "DistrictId", "Title", "Status", "Dollars", "Revision") VALUES (1, 1, 1, 'A', 0, 0.1, 0), (2, 1, 2, 'B', 0, 0.2, 0), (3, 1, 2, 'C', 0, NULL, 0)""",
                """INSERT INTO "PurchaseLines" ("Id", "PartnershipId", "DistrictId", "Item", "Quantity", "ConsortiumUnitPrice", "StandaloneUnitPrice", "PurchasedOn") VALUES (1, 1, 1, 'Bus', 3, 89950.33, 97000.01, '2025-09-01')""",
            })
                await db.Database.ExecuteSqlRawAsync(sql);
            await migrator.MigrateAsync();
        }

        await using var migrated = Open();
        Assert.Equal([9.50m, 10.07m, 99999999999.99m], await migrated.Grants.OrderBy(g => g.Amount).Select(g => g.Amount).ToListAsync());
        Assert.Equal(100000000019.56m, await migrated.Grants.SumAsync(g => g.Amount));
        // 0.1 + 0.2 is 0.3 exactly, in SQL.
        Assert.Equal(0.30m, await migrated.Commitments.SumAsync(c => c.Dollars));
        Assert.Equal([0.20m, 0.10m], await migrated.Commitments.Where(c => c.Dollars != null).OrderByDescending(c => c.Dollars).Select(c => c.Dollars).ToListAsync());
        Assert.Equal(21149.04m, await migrated.PurchaseLines.SumAsync(l => (l.StandaloneUnitPrice - l.ConsortiumUnitPrice) * l.Quantity));
        Assert.Equal("USD", await migrated.Consortia.Select(c => c.Currency).SingleAsync());
        // Stored as integers: the column holds cents.
        var cents = await migrated.Database.SqlQueryRaw<long>("""SELECT "AmountCents" AS "Value" FROM "Grants" WHERE "Id" = 2""").SingleAsync();
        Assert.Equal(950L, cents);
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
