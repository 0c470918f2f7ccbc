using ConsortiumGraph.Agreements;
using ConsortiumGraph.Calendars;
using ConsortiumGraph.Commitments;
using ConsortiumGraph.Consortia;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Districts;
using ConsortiumGraph.Grants;
using ConsortiumGraph.Indicators;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConsortiumGraph.Data;

/// <summary>
/// The consortium database. Each provider has a subclass so that each keeps its own migrations;
/// everything else works against this type.
/// </summary>
public abstract class ConsortiumDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Consortium> Consortia => Set<Consortium>();
    public DbSet<ConsortiumMembership> ConsortiumMemberships => Set<ConsortiumMembership>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();
    public DbSet<DecisionRight> DecisionRights => Set<DecisionRight>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Funder> Funders => Set<Funder>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<LocalFields.LocalFieldValue> LocalFieldValues => Set<LocalFields.LocalFieldValue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConsortiumDb).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(RevisedEntity).IsAssignableFrom(e.ClrType)))
            modelBuilder.Entity(entity.ClrType).Property(nameof(RevisedEntity.Revision)).IsConcurrencyToken();
        // Deleting a district, partnership or decision must never cascade through other districts' records.
        foreach (var foreignKey in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
            foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC. SQLite hands DateTime back with an unspecified kind, and Npgsql
        // refuses non-UTC values for timestamptz, so the kind is fixed on the way in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteConsortiumDb(DbContextOptions<SqliteConsortiumDb> options) : ConsortiumDb(options);

public sealed class PostgreSqlConsortiumDb(DbContextOptions<PostgreSqlConsortiumDb> options) : ConsortiumDb(options);

public sealed class SqlServerConsortiumDb(DbContextOptions<SqlServerConsortiumDb> options) : ConsortiumDb(options);
