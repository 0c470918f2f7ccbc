using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ConsortiumGraph.Data;

/// <summary>
/// Writes new entities into PostgreSQL with binary COPY, table by table, using the EF Core model for
/// tables, columns, value converters and store types, so it follows every migration without a column
/// list of its own. For bulk loads into an otherwise idle database (the national benchmark data):
/// keys are assigned here, after the largest stored key, and each table's identity sequence is moved
/// past them at the end. About thirty times EF Core's per-row INSERTs.
/// </summary>
public sealed class PostgreSqlBulkCopy
{
    private readonly ConsortiumDb _db;
    private readonly Dictionary<IEntityType, int> _lastKey = [];

    private PostgreSqlBulkCopy(ConsortiumDb db) => _db = db;

    /// <summary>Starts a load through <paramref name="db"/>'s connection, which it opens; every key is read once, here.</summary>
    public static async Task<PostgreSqlBulkCopy> StartAsync(ConsortiumDb db, CancellationToken ct)
    {
        var copy = new PostgreSqlBulkCopy(db);
        await db.Database.OpenConnectionAsync(ct);
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && t.BaseType is null && t.ClrType.IsAssignableTo(typeof(Entity))))
        {
            await using var command = Connection(db).CreateCommand();
            command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{type.GetTableName()}\"";
            copy._lastKey[type] = Convert.ToInt32(await command.ExecuteScalarAsync(ct));
        }
        return copy;
    }

    private static NpgsqlConnection Connection(ConsortiumDb db) => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>
    /// Keys every entity, fills each foreign key from its navigation, and copies the rows, a principal's
    /// table before its dependents'. Entities are plain objects here: nothing is tracked.
    /// </summary>
    public async Task WriteAsync(IEnumerable<Entity> entities, CancellationToken ct)
    {
        var byType = entities.GroupBy(e => _db.Model.FindEntityType(e.GetType())
            ?? throw new InvalidOperationException($"{e.GetType().Name} is not in the model.")).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (type, rows) in byType)
            foreach (var row in rows) row.Id = ++_lastKey[type];
        foreach (var type in PrincipalsFirst(byType.Keys))
        {
            var rows = byType[type];
            foreach (var fk in type.GetForeignKeys().Where(fk => fk.DependentToPrincipal is not null))
            {
                var (navigation, property) = (fk.DependentToPrincipal!.GetGetter(), fk.Properties.Single());
                foreach (var row in rows)
                    if (navigation.GetClrValue(row) is Entity principal) property.PropertyInfo!.SetValue(row, principal.Id);
            }
            await CopyAsync(type, rows, ct);
        }
    }

    private async Task CopyAsync(IEntityType type, List<Entity> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // Store-generated columns other than the key (none today) keep their defaults.
        var columns = type.GetProperties().Where(p => p.IsPrimaryKey() || p.ValueGenerated == ValueGenerated.Never)
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping())).ToList();
        var sql = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await Connection(_db).BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var (property, _, mapping) in columns)
            {
                var value = property.GetGetter().GetClrValue(row);
                if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, mapping.StoreType, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>Moves each identity sequence past the keys written here, so later inserts get fresh ones.</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        foreach (var (type, last) in _lastKey.Where(k => k.Value > 0))
        {
            await using var command = Connection(_db).CreateCommand();
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{type.GetTableName()}\"', 'Id'), {last})";
            await command.ExecuteScalarAsync(ct);
        }
    }

    private static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> types)
    {
        var pending = types.ToHashSet();
        var order = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The entities' foreign keys form a cycle: " + string.Join(", ", pending.Select(t => t.ClrType.Name)));
            order.AddRange(ready);
            pending.ExceptWith(ready);
        }
        return order;
    }
}
