using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;
using GraphQL.Types;

namespace ConsortiumGraph.LocalFields;

public static class LocalFieldMutations
{
    public static void AddLocalFieldMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<SetLocalFieldsInput, object>(typeof(SetLocalFieldsPayloadType), "setLocalFields",
            "Writes plugin-defined local fields of one entity; values are checked against the plugin's declared types and rules.", SetAsync);
    }

    private static async Task<object?> SetAsync(MutationContext<SetLocalFieldsInput> m)
    {
        var input = m.Input;
        if (!GlobalId.TryDecode(input.Id, out var entityType, out var id) || ExtensibleEntity.Find(entityType) is not { } entity)
        {
            m.Invalid("INVALID_ID", $"`id` is not the ID of a {ExtensibleEntity.Names()}.", "id");
            return null;
        }
        var plugin = m.LocalFieldsPlugin(input.Plugin, entityType, "plugin");
        var views = await PluginViews.OfTypeAsync(entityType, m.Db, [id], m.Field.CancellationToken);
        if (!views.TryGetValue(id, out var view))
            m.Invalid("NOT_FOUND", $"No {entityType} has the ID given as `id`.", "id");
        if (plugin is null || view is null) return null;

        var districtCode = m.RequireScope(plugin, view, entityType, "id");
        // A plugin's fields are its districts' records: only their staff (and admins of their consortia) write them, never
        // another member of a partnership the entity is shared in.
        if (districtCode is not null && !plugin.DistrictIds.Any(m.Caller.ActsFor))
        {
            m.ActingFor(plugin.Districts[districtCode], $"district {districtCode}, for which the `{plugin.Key}` plugin speaks", "plugin");
            return null;
        }
        var current = (await LocalFieldStore.ReadAsync(m.Db, plugin, entityType, [id], m.Field.CancellationToken)).GetValueOrDefault(id, LocalValues.Empty);
        var (proposed, changes) = m.CheckLocalValues(plugin, entityType, input.Values, current, "values");
        if (districtCode is null || proposed is null || m.Failed) return null;

        await m.CheckLocalRulesAsync(districtCode, _ => Task.FromResult(new ProposedLocalFields
        {
            DistrictCode = districtCode, EntityType = entityType, Entity = view, Current = current, Proposed = proposed,
        }), onlyPlugin: plugin.Key);
        if (m.Failed) return null;

        await LocalFieldStore.WriteAsync(m.Db, plugin.Key, entityType, id, changes!, m.Now, m.Field.CancellationToken);
        return await m.Db.FindAsync(entity.ClrType, id);
    }

    /// <summary>The loaded plugin named by a mutation input, if it adds fields to <paramref name="entityType"/>; records why not otherwise.</summary>
    public static ComposedPlugin? LocalFieldsPlugin<TInput>(this MutationContext<TInput> m, string key, string entityType, string inputField)
    {
        var plugin = m.Plugins.Find(key);
        if (plugin is null)
            m.Invalid("UNKNOWN_PLUGIN", $"No plugin with the key `{key}` is loaded; `localFieldDefinitions` lists the loaded plugins' fields.", inputField);
        else if (plugin.Fields[entityType].All(f => f.Compute is not null))
            m.Invalid("NO_LOCAL_FIELDS", $"The `{key}` plugin stores no fields on {entityType}.", inputField);
        else
            return plugin;
        return null;
    }

    /// <summary>A plugin writes only to entities of its own districts: returns the district that puts the entity in scope.</summary>
    public static string? RequireScope<TInput>(this MutationContext<TInput> m, ComposedPlugin plugin, object view, string entityType, string inputField)
    {
        var code = PluginViews.DistrictCodesOf(view).FirstOrDefault(plugin.Districts.ContainsKey);
        if (code is null)
            m.Violates("OUT_OF_PLUGIN_SCOPE",
                $"The `{plugin.Key}` plugin speaks for district {string.Join(", ", plugin.Districts.Keys)}; this {entityType} is not theirs, so it has no `{plugin.Key}` fields.", inputField);
        return code;
    }

    /// <summary>
    /// Checks values written to a plugin's stored fields on one entity: known, writable, of the declared
    /// type, and leaving every required field with a value. Returns the values after the write and the changes to store.
    /// </summary>
    public static (LocalValues? Proposed, IReadOnlyDictionary<string, object?>? Changes) CheckLocalValues<TInput>(
        this MutationContext<TInput> m, ComposedPlugin plugin, string entityType, object? values, LocalValues current, string inputField)
    {
        if (values is not IDictionary<string, object?> sent)
        {
            m.Invalid("INVALID_VALUE", $"`{inputField}` must be an object of field name to value.", inputField);
            return (null, null);
        }
        var fields = plugin.Fields[entityType].ToDictionary(f => f.Name);
        var merged = current.ToDictionary(v => v.Key, v => v.Value);
        var changes = new Dictionary<string, object?>();
        var failed = false;
        foreach (var (name, raw) in sent)
        {
            var path = $"{inputField}.{name}";
            if (!fields.TryGetValue(name, out var field))
                m.Invalid("UNKNOWN_FIELD", $"The `{plugin.Key}` plugin has no field `{name}` on {entityType}; its stored fields are: "
                    + string.Join(", ", fields.Values.Where(f => f.Compute is null).Select(f => f.Name)) + ".", path);
            else if (field.Compute is not null)
                m.Invalid("NOT_WRITABLE", $"`{name}` is computed by the `{plugin.Key}` plugin; it cannot be written.", path);
            else if (!LocalValueCodec.TryRead(field.Definition.Type, raw, out var value, out var problem))
                m.Invalid("INVALID_VALUE", $"`{name}` {problem}.", path);
            else
            {
                changes[name] = value;
                if (value is null) merged.Remove(name);
                else merged[name] = value;
                continue;
            }
            failed = true;
        }
        foreach (var required in fields.Values.Where(f => f.Definition.Required && !merged.ContainsKey(f.Name)))
        {
            m.Invalid("REQUIRED", $"`{required.Name}` is required by the `{plugin.Key}` plugin; give it a value.", $"{inputField}.{required.Name}");
            failed = true;
        }
        return failed ? (null, null) : (new LocalValues(merged), changes);
    }

}
