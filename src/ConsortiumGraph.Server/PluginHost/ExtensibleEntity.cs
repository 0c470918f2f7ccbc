using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Partnerships;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Runner.Protocol;
using GraphQL;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// A core entity district plugins can add local fields to. The one table of them: composition, the
/// views plugins get, the <c>local</c> namespaces, <c>setLocalFields</c> and <c>localFieldDefinitions</c>
/// all read it, so a new extensible entity is one line in <see cref="All"/> (and its view in the SDK).
/// </summary>
public sealed class ExtensibleEntity
{
    public const string District = "District", School = "School", Partnership = "Partnership", Commitment = "Commitment",
        LeagueMembership = "LeagueMembership", ConveningRegistration = "ConveningRegistration";

    public static readonly IReadOnlyList<ExtensibleEntity> All =
    [
        Of<Districts.District, DistrictView>(District, "districts", PluginViews.DistrictsAsync,
            (_, plugin, d) => plugin.DistrictIds.Contains(d.Id) ? d : null, fromRow: PluginViews.District),
        Of<Schools.School, SchoolView>(School, "schools", PluginViews.SchoolsAsync,
            (_, plugin, s) => plugin.DistrictIds.Contains(s.DistrictId) ? s : null),
        Of<Partnerships.Partnership, PartnershipView>(Partnership, "partnerships", PluginViews.PartnershipsAsync,
            (context, plugin, p) => PartnershipType.Members.Load(context, p.Id).Then(members => members.Any(m => plugin.DistrictIds.Contains(m.DistrictId)) ? p : null)),
        Of<Commitments.Commitment, CommitmentView>(Commitment, "commitments", PluginViews.CommitmentsAsync,
            (_, plugin, c) => plugin.DistrictIds.Contains(c.DistrictId) ? c : null),
        Of<Leagues.LeagueMembership, LeagueMembershipView>(LeagueMembership, "League memberships", PluginViews.LeagueMembershipsAsync,
            (_, plugin, m) => plugin.DistrictIds.Contains(m.DistrictId) ? m : null),
        Of<Leagues.ConveningRegistration, ConveningRegistrationView>(ConveningRegistration, "convening registrations", PluginViews.ConveningRegistrationsAsync,
            (context, plugin, r) => context.ById<Leagues.LeagueMembership>(r.MembershipId).Then(m => m is not null && plugin.DistrictIds.Contains(m.DistrictId) ? r : null)),
    ];

    private readonly EntityKind _kind;
    private readonly Func<ConsortiumDb, IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, object>>> _views;
    private readonly Func<IResolveFieldContext, ComposedPlugin, Entity, object?> _inScope;
    private readonly Func<Entity, object>? _fromRow;

    private ExtensibleEntity(EntityKind kind, Type clrType, string plural,
        Func<ConsortiumDb, IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, object>>> views,
        Func<IResolveFieldContext, ComposedPlugin, Entity, object?> inScope, Func<Entity, object>? fromRow) =>
        (_kind, Name, ClrType, Plural, _views, _inScope, _fromRow) = (kind, kind.Name, clrType, plural, views, inScope, fromRow);

    /// <summary>The GraphQL type's name, which is also its global IDs' type.</summary>
    public string Name { get; }
    public Type ClrType { get; }
    public string Plural { get; }

    /// <summary>The fields a plugin declared on this entity.</summary>
    public IReadOnlyList<LocalField> Declared(PluginBuilder plugin) => _kind.Declared(plugin);

    /// <summary>The same fields with their computations callable on untyped views.</summary>
    public IReadOnlyList<PluginField> Fields(PluginBuilder plugin) => [.. _kind.Declared(plugin).Select(f => new PluginField(f, _kind.ComputeOf(f)))];

    /// <summary>The views plugins get of a batch of these entities, by key.</summary>
    public Task<IReadOnlyDictionary<int, object>> ViewsAsync(ConsortiumDb db, IReadOnlyCollection<int> ids, CancellationToken ct) => _views(db, ids, ct);

    /// <summary>
    /// The views of rows a request has loaded already: made from the rows when the view needs nothing else (a
    /// district's), so a computed field costs no statement of its own; read by key otherwise (views with members, codes).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, object>> ViewsAsync(ConsortiumDb db, IReadOnlyCollection<Entity> rows, CancellationToken ct) =>
        _fromRow is { } fromRow
            ? rows.DistinctBy(r => r.Id).ToDictionary(r => r.Id, fromRow)
            : await _views(db, [.. rows.Select(r => r.Id).Distinct()], ct);

    /// <summary>The entity when <paramref name="plugin"/> speaks for it (its districts, their schools and commitments, the partnerships they are in); null otherwise.</summary>
    public object? InScope(IResolveFieldContext context, ComposedPlugin plugin, Entity entity) => _inScope(context, plugin, entity);

    public static ExtensibleEntity? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>"District, School, Partnership, Commitment, ... or ConveningRegistration", for messages and descriptions.</summary>
    public static string Names(string conjunction = "or") => string.Join(", ", All.SkipLast(1).Select(e => e.Name)) + $" {conjunction} {All[^1].Name}";

    private static ExtensibleEntity Of<TEntity, TView>(string name, string plural,
        Func<ConsortiumDb, IReadOnlyCollection<int>, CancellationToken, Task<Dictionary<int, TView>>> views,
        Func<IResolveFieldContext, ComposedPlugin, TEntity, object?> inScope, Func<TEntity, TView>? fromRow = null) where TEntity : Entity where TView : class =>
        new(EntityKind.Find(name) ?? throw new InvalidOperationException($"The protocol's EntityKind list has no {name}."), typeof(TEntity), plural,
            async (db, ids, ct) => (await views(db, ids, ct)).ToDictionary(v => v.Key, v => (object)v.Value),
            (context, plugin, entity) => inScope(context, plugin, (TEntity)entity),
            fromRow is null ? null : row => fromRow((TEntity)row));
}
