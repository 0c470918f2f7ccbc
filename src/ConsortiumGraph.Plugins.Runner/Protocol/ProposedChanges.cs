using System.Reflection;
using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>The SDK's <see cref="ProposedChange"/> types by name, and how a change travels.</summary>
public static class ProposedChanges
{
    private static readonly IReadOnlyDictionary<string, Type> ByName = typeof(ProposedChange).Assembly.GetExportedTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(ProposedChange))).ToDictionary(t => t.Name);

    private static readonly MethodInfo DeclareRule = typeof(ProposedChanges).GetMethod(nameof(DeclareTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Type? Find(string? name) => name is not null && ByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>Declares a rule on <paramref name="change"/> (one of the SDK's change types) whose check is <paramref name="check"/>.</summary>
    public static void Declare(PluginBuilder plugin, Type change, string name, string description, Func<ProposedChange, RuleContext, Task<IEnumerable<Violation>>> check) =>
        DeclareRule.MakeGenericMethod(change).Invoke(null, [plugin, name, description, check]);

    private static void DeclareTyped<TChange>(PluginBuilder plugin, string name, string description, Func<ProposedChange, RuleContext, Task<IEnumerable<Violation>>> check)
        where TChange : ProposedChange => plugin.Rule<TChange>(name, description, (change, context) => check(change, context));

    public static JsonElement Write(ProposedChange change) => JsonSerializer.SerializeToElement(change, change.GetType(), Wire.Options);

    public static ProposedChange Read(string name, JsonElement proposed)
    {
        var type = Find(name) ?? throw new InvalidDataException($"`{name}` is not a proposed change.");
        var change = (ProposedChange)proposed.Deserialize(type, Wire.Options)!;
        // The written entity is typed by its EntityType; JSON alone cannot say which view it is.
        if (change is ProposedLocalFields { Entity: JsonElement entity } local)
            change = new ProposedLocalFields
            {
                DistrictCode = local.DistrictCode, EntityType = local.EntityType, Current = local.Current, Proposed = local.Proposed,
                Entity = (EntityKind.Find(local.EntityType) ?? throw new InvalidDataException($"`{local.EntityType}` is not a core type plugins extend.")).ReadView(entity),
            };
        return change;
    }
}
