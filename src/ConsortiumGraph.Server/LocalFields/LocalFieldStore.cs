using ConsortiumGraph.Data;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.LocalFields;

/// <summary>Reads and writes stored local field values: the plugins' only persistence.</summary>
public static class LocalFieldStore
{
    /// <summary>One plugin's values on a batch of entities of one type, decoded against the plugin's current declarations.</summary>
    public static async Task<IReadOnlyDictionary<int, LocalValues>> ReadAsync(ConsortiumDb db, ComposedPlugin plugin, string entityType,
        IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var fields = plugin.Fields[entityType].Where(f => f.Compute is null).ToDictionary(f => f.Name, f => f.Definition.Type);
        var rows = await db.LocalFieldValues.AsNoTracking()
            .Where(v => v.Plugin == plugin.Key && v.EntityType == entityType && ids.Contains(v.EntityId))
            .Select(v => new { v.EntityId, v.Field, v.Value }).ToListAsync(ct);
        return rows.Where(r => fields.ContainsKey(r.Field)).GroupBy(r => r.EntityId).ToDictionary(g => g.Key,
            g => new LocalValues(g.ToDictionary(r => r.Field, r => LocalValueCodec.Decode(fields[r.Field], r.Value))));
    }

    /// <summary>Stages a plugin's values on one entity: null removes a value, anything else replaces it. Saved with the mutation.</summary>
    public static async Task WriteAsync(ConsortiumDb db, string plugin, string entityType, int entityId, IReadOnlyDictionary<string, object?> values,
        DateTime now, CancellationToken ct)
    {
        var names = values.Keys.ToList();
        var existing = await db.LocalFieldValues
            .Where(v => v.Plugin == plugin && v.EntityType == entityType && v.EntityId == entityId && names.Contains(v.Field)).ToListAsync(ct);
        foreach (var (field, value) in values)
        {
            var row = existing.FirstOrDefault(r => r.Field == field);
            if (value is null)
            {
                if (row is not null) db.LocalFieldValues.Remove(row);
            }
            else if (row is null)
                db.LocalFieldValues.Add(new LocalFieldValue { Plugin = plugin, EntityType = entityType, EntityId = entityId, Field = field, Value = LocalValueCodec.Encode(value), UpdatedAt = now });
            else
            {
                row.Value = LocalValueCodec.Encode(value);
                row.UpdatedAt = now;
            }
        }
    }
}
