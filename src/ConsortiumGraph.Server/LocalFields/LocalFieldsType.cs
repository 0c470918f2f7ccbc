using ConsortiumGraph.Access;
using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Plugins;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ConsortiumGraph.LocalFields;

/// <summary>
/// The `local` object of an entity: one field per plugin that adds fields to this type, holding that
/// plugin's object, or null where the plugin does not apply. Built for each plugin set, so a schema
/// is rebuilt when plugins change. Built by the schema, not the container.
/// </summary>
[DoNotRegister]
public sealed class LocalFieldsType : ObjectType<Entity>
{
    public LocalFieldsType(ExtensibleEntity entity, PluginSet plugins)
    {
        var entityType = entity.Name;
        Name = $"{entityType}Local";
        this.AuthorizeWithRoles(Readers.Staff);
        Description = $"Fields that district plugins add to {entityType}, one object per plugin, null where a plugin does not apply.";
        var applicable = plugins.Plugins.Where(p => p.Fields[entityType].Count > 0).ToList();
        var keys = applicable.Select(p => p.Key).ToArray();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("_plugins")
            .Description("Keys of the loaded plugins that add fields to this type.")
            .Resolve(_ => keys);
        foreach (var plugin in applicable)
        {
            AddField(new FieldType
            {
                Name = plugin.Key,
                Description = $"{plugin.Manifest.Description} Plugin `{plugin.Key}` {plugin.Manifest.Version} for district {string.Join(", ", plugin.Districts.Keys)}; "
                    + $"null on {entity.Plural} outside its scope.",
                ResolvedType = new PluginFieldsType(plugin, entityType, plugins),
                Resolver = new FuncFieldResolver<object>(c => entity.InScope(c, plugin, (Entity)c.Source!)),
            });
        }
    }

    /// <summary>The `local` field of a core type; its type is composed per schema, so it is named, not constructed.</summary>
    public static void AddTo<T>(ObjectGraphType<T> type) where T : Entity =>
        type.Field("local", new GraphQLTypeReference($"{typeof(T).Name}Local"))
            .Description("Fields added by district plugins, one object per plugin; null where a plugin does not apply.")
            .AuthorizeWithRoles(Readers.Staff)
            .Resolve(c => c.Source);

}

/// <summary>One plugin's fields on one core type, e.g. RiversideCommitmentFields.</summary>
[DoNotRegister]
public sealed class PluginFieldsType : ObjectType<Entity>
{
    public PluginFieldsType(ComposedPlugin plugin, string entityType, PluginSet plugins)
    {
        Name = plugin.ObjectTypeName(entityType);
        this.AuthorizeWithRoles(Readers.Staff);
        Description = $"What the `{plugin.Key}` plugin records on {entityType}: {plugin.Manifest.Description}";
        var enums = new Dictionary<string, EnumerationGraphType>();
        foreach (var field in plugin.Fields[entityType])
        {
            var definition = field.Definition;
            var fieldType = new FieldType
            {
                Name = definition.Name,
                Description = definition.Description + (field.Compute is null ? "" : " (computed by the plugin; read-only)"),
                Resolver = field.Compute is null
                    ? new FuncFieldResolver<object>(c => StoredValues(c, plugin, entityType).Then(values => values.GetValueOrDefault(definition.Name)))
                    : new FuncFieldResolver<object>(c => Computed(c, plugin, entityType, field)),
            };
            SetType(fieldType, definition.Type, plugin, enums);
            AddField(fieldType);
        }
    }

    private static void SetType(FieldType field, LocalFieldType type, ComposedPlugin plugin, Dictionary<string, EnumerationGraphType> enums)
    {
        var item = type.Kind == LocalValueKind.List ? type.ItemType! : type;
        if (item.Kind == LocalValueKind.Enum)
        {
            var name = plugin.EnumTypeName(item);
            if (!enums.TryGetValue(name, out var enumType))
            {
                enumType = new EnumerationGraphType { Name = name, Description = $"Values of `{item.EnumName}`, defined by the `{plugin.Key}` plugin." };
                foreach (var value in item.AllowedValues)
                    enumType.Add(new EnumValueDefinition(value, value) { Description = $"{value}, one of the values of {item.EnumName} as the `{plugin.Key}` plugin defines them." });
                enums[name] = enumType;
            }
            field.ResolvedType = type.Kind == LocalValueKind.List ? new ListGraphType(new NonNullGraphType(enumType)) : enumType;
            return;
        }
        var scalar = item.Kind switch
        {
            LocalValueKind.String => typeof(StringGraphType),
            LocalValueKind.Int => typeof(IntGraphType),
            LocalValueKind.Decimal => typeof(DecimalGraphType),
            LocalValueKind.Boolean => typeof(BooleanGraphType),
            _ => typeof(DateType),
        };
        field.Type = type.Kind == LocalValueKind.List ? typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(scalar)) : scalar;
    }

    /// <summary>LocalValuesBy{Entity}Id: a plugin's stored values for every entity of the batch, in one statement.</summary>
    private static IDataLoaderResult<LocalValues> StoredValues(IResolveFieldContext context, ComposedPlugin plugin, string entityType) =>
        StoredValuesLoader(context.Loaders(), plugin, entityType).Load(((Entity)context.Source!).Id);

    private static BatchLoader<int, LocalValues> StoredValuesLoader(RequestLoaders loaders, ComposedPlugin plugin, string entityType) =>
        loaders.For<int, LocalValues>($"LocalValuesBy{entityType}Id:{plugin.Key}",
            (ids, ct) => loaders.ReadAsync(db => LocalFieldStore.ReadAsync(db, plugin, entityType, ids, ct), ct),
            LocalValues.Empty);

    /// <summary>A computed field for every entity of the batch: one call into the plugin with their views and stored values.</summary>
    private static IDataLoaderResult<object?> Computed(IResolveFieldContext context, ComposedPlugin plugin, string entityType, PluginField field)
    {
        var loaders = context.Loaders();
        var services = context.RequestServices!;
        var kind = ExtensibleEntity.Find(entityType) ?? throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "Not an entity with local fields.");
        // Keyed by the rows themselves: the views come from them where they can (ExtensibleEntity.ViewsAsync).
        return loaders.For<Entity, object?>($"Computed:{plugin.Key}:{entityType}.{field.Name}", (rows, ct) => loaders.ReadAsync<IReadOnlyDictionary<Entity, object?>>(async db =>
        {
            var views = await kind.ViewsAsync(db, rows, ct);
            // Through the stored-values loader: when stored fields are selected beside this one, one statement serves both.
            var storedLoader = StoredValuesLoader(loaders, plugin, entityType);
            // Every key is queued before the first is awaited, so they go in one batch.
            var pending = rows.Select(r => r.Id).Distinct().Select(id => (id, result: storedLoader.Load(id))).ToList();
            var stored = new Dictionary<int, LocalValues>();
            foreach (var (id, result) in pending) stored[id] = await result.GetResultAsync(ct);
            var keys = views.Keys.ToList();
            var pluginContext = new PluginContext(services.GetRequiredService<ConsortiumData>().For(plugin), services.GetRequiredService<TimeProvider>().Today(), ct);
            try
            {
                var values = await field.ComputeAsync(keys.Select(k => views[k]).ToList(), keys.Select(k => stored.GetValueOrDefault(k, LocalValues.Empty)).ToList(), pluginContext);
                var byId = keys.Select((k, i) => (k, v: values[i])).ToDictionary(x => x.k, x => x.v);
                return rows.Where(r => byId.ContainsKey(r.Id)).ToDictionary(r => r, r => byId[r.Id]);
            }
            catch (PluginFailedException e)
            {
                services.GetRequiredService<ILogger<PluginFieldsType>>().LogError(e, "Plugin {Plugin} failed to compute {Type}.{Field}", plugin.Key, entityType, field.Name);
                throw new ExecutionError(e.Code == PluginFailedException.TimedOut
                    ? $"The `{plugin.Key}` plugin took longer than its time budget to compute `{field.Name}`; the error was logged. Other fields are unaffected."
                    : $"The `{plugin.Key}` plugin failed to compute `{field.Name}`; the error was logged. Other fields are unaffected.") { Code = e.Code };
            }
        }, ct), null).Load((Entity)context.Source!);
    }
}
