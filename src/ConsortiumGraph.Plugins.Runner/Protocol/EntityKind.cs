using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>A plugin's computed field on untyped views: one value per entity, in order.</summary>
public delegate Task<IReadOnlyList<object?>> UntypedCompute(IReadOnlyList<object> views, IReadOnlyList<LocalValues> stored, PluginContext context);

/// <summary>
/// A core type plugins add fields to, as the SDK names it: its field set on <see cref="PluginBuilder"/> and
/// its view. The one list of them both processes read; the server's ExtensibleEntity adds the database side.
/// </summary>
public abstract class EntityKind
{
    public static readonly IReadOnlyList<EntityKind> All =
    [
        new EntityKind<DistrictView>("District", b => b.District),
        new EntityKind<SchoolView>("School", b => b.School),
        new EntityKind<PartnershipView>("Partnership", b => b.Partnership),
        new EntityKind<CommitmentView>("Commitment", b => b.Commitment),
        new EntityKind<LeagueMembershipView>("LeagueMembership", b => b.LeagueMembership),
        new EntityKind<ConveningRegistrationView>("ConveningRegistration", b => b.ConveningRegistration),
    ];

    private protected EntityKind(string name) => Name = name;

    public string Name { get; }
    public abstract Type ViewType { get; }

    public static EntityKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>The fields a plugin declared on this type.</summary>
    public abstract IReadOnlyList<LocalField> Declared(PluginBuilder plugin);

    /// <summary>Declares a field on this type: stored when <paramref name="compute"/> is null.</summary>
    public abstract void Declare(PluginBuilder plugin, string name, LocalFieldType? type, string description, bool required, UntypedCompute? compute);

    /// <summary>A declared computed field's computation on untyped views; null for stored fields.</summary>
    public abstract UntypedCompute? ComputeOf(LocalField field);

    /// <summary>Views of this type read from the wire.</summary>
    public IReadOnlyList<object> ReadViews(JsonElement views) =>
        ((System.Collections.IEnumerable)views.Deserialize(typeof(List<>).MakeGenericType(ViewType), Wire.Options)!).Cast<object>().ToList();

    public object ReadView(JsonElement view) => view.Deserialize(ViewType, Wire.Options)!;
}

public sealed class EntityKind<TView>(string name, Func<PluginBuilder, LocalFieldSet<TView>> set) : EntityKind(name) where TView : class
{
    public override Type ViewType => typeof(TView);

    public override IReadOnlyList<LocalField> Declared(PluginBuilder plugin) => set(plugin).Fields;

    public override void Declare(PluginBuilder plugin, string name, LocalFieldType? type, string description, bool required, UntypedCompute? compute)
    {
        if (compute is null) set(plugin).Stored(name, type!, description, required);
        else set(plugin).Computed(name, type!, description, (entities, context) => compute([.. entities.Select(e => (object)e.Entity!)], [.. entities.Select(e => e.Stored)], context));
    }

    public override UntypedCompute? ComputeOf(LocalField field) =>
        field is LocalField<TView> { Compute: { } compute }
            ? (views, stored, context) => compute(views.Select((v, i) => new LocalEntity<TView>((TView)v, stored[i])).ToList(), context)
            : null;
}
