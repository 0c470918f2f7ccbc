namespace ConsortiumGraph.Plugins;

/// <summary>A field a plugin adds to a core type; stored (the host keeps its values) or computed (plugin code resolves it).</summary>
public abstract class LocalField
{
    private protected LocalField(string name, LocalFieldType type, string description, bool required)
    {
        Name = name;
        Type = type;
        Description = description;
        Required = required;
    }

    /// <summary>The field's name under the plugin's namespace (camelCase).</summary>
    public string Name { get; }

    /// <summary>The field's type.</summary>
    public LocalFieldType Type { get; }

    /// <summary>What the field records, shown in the schema.</summary>
    public string Description { get; }

    /// <summary>For stored fields: a write through <c>setLocalFields</c> must leave it with a value.</summary>
    public bool Required { get; }

    /// <summary>True when plugin code resolves the field; such fields are read-only.</summary>
    public abstract bool IsComputed { get; }
}

/// <summary>A local field on entities viewed as <typeparamref name="TView"/>.</summary>
public sealed class LocalField<TView> : LocalField
{
    internal LocalField(string name, LocalFieldType type, string description, bool required, ComputeLocalField<TView>? compute)
        : base(name, type, description, required) => Compute = compute;

    /// <summary>For computed fields: resolves the field for a batch of entities.</summary>
    internal ComputeLocalField<TView>? Compute { get; }

    /// <inheritdoc />
    public override bool IsComputed => Compute is not null;
}

/// <summary>
/// Resolves a computed field for a whole batch of entities at once (every district in a list, say),
/// so a list of 500 districts calls the plugin once. Return one value per entity, in the same order;
/// null where the field has no value.
/// </summary>
public delegate Task<IReadOnlyList<object?>> ComputeLocalField<TView>(IReadOnlyList<LocalEntity<TView>> entities, PluginContext context);

/// <summary>An entity as a computed field sees it: its read-only core data and this plugin's stored values on it.</summary>
public sealed class LocalEntity<TView>(TView entity, LocalValues stored)
{
    /// <summary>The entity's core data.</summary>
    public TView Entity { get; } = entity;

    /// <summary>This plugin's stored local fields on the entity.</summary>
    public LocalValues Stored { get; } = stored;
}

/// <summary>The local fields a plugin adds to one core type.</summary>
public sealed class LocalFieldSet<TView>
{
    private readonly List<LocalField<TView>> _fields = [];

    /// <summary>The fields declared so far, in declaration order.</summary>
    public IReadOnlyList<LocalField<TView>> Fields => _fields;

    /// <summary>Declares a field whose values the host stores and <c>setLocalFields</c> writes, checked against <paramref name="type"/>.</summary>
    public LocalFieldSet<TView> Stored(string name, LocalFieldType type, string description, bool required = false)
    {
        _fields.Add(new LocalField<TView>(name, type, description, required, null));
        return this;
    }

    /// <summary>Declares a read-only field that <paramref name="compute"/> resolves for batches of entities.</summary>
    public LocalFieldSet<TView> Computed(string name, LocalFieldType type, string description, ComputeLocalField<TView> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        _fields.Add(new LocalField<TView>(name, type, description, false, compute));
        return this;
    }
}

/// <summary>What a plugin declares: its local fields on each core type and its local rules.</summary>
public sealed class PluginBuilder
{
    private readonly List<LocalRule> _rules = [];

    /// <summary>Fields on District; the plugin's object is present on the districts it speaks for.</summary>
    public LocalFieldSet<DistrictView> District { get; } = new();

    /// <summary>Fields on School; present on the schools of the plugin's districts.</summary>
    public LocalFieldSet<SchoolView> School { get; } = new();

    /// <summary>Fields on Partnership; present on partnerships one of the plugin's districts is a member of.</summary>
    public LocalFieldSet<PartnershipView> Partnership { get; } = new();

    /// <summary>Fields on Commitment; present on the commitments of the plugin's districts.</summary>
    public LocalFieldSet<CommitmentView> Commitment { get; } = new();

    /// <summary>Fields on LeagueMembership; present on the League memberships of the plugin's districts' schools. (SDK 1.3)</summary>
    public LocalFieldSet<LeagueMembershipView> LeagueMembership { get; } = new();

    /// <summary>Fields on ConveningRegistration (e.g. the district's own professional-development credit code); present on its schools' registrations. (SDK 1.3)</summary>
    public LocalFieldSet<ConveningRegistrationView> ConveningRegistration { get; } = new();

    /// <summary>The rules declared so far.</summary>
    public IReadOnlyList<LocalRule> Rules => _rules;

    /// <summary>
    /// Declares a rule on the mutation that proposes <typeparamref name="TChange"/>. It runs only for
    /// changes that involve one of the plugin's districts, after the consortium's own rules passed.
    /// </summary>
    /// <param name="name">UPPER_SNAKE_CASE, unique within the plugin; returned as the violation's <c>rule</c> and <c>code</c>.</param>
    /// <param name="description">What the rule requires and why (e.g. the policy it comes from).</param>
    /// <param name="check">Returns the violations of the proposed change; none when it complies.</param>
    public PluginBuilder Rule<TChange>(string name, string description, Func<TChange, RuleContext, Task<IEnumerable<Violation>>> check)
        where TChange : ProposedChange
    {
        ArgumentNullException.ThrowIfNull(check);
        _rules.Add(new LocalRule(name, description, typeof(TChange), (change, context) => check((TChange)change, context)));
        return this;
    }

    /// <summary>Declares a rule whose check needs no I/O.</summary>
    public PluginBuilder Rule<TChange>(string name, string description, Func<TChange, RuleContext, IEnumerable<Violation>> check)
        where TChange : ProposedChange
    {
        ArgumentNullException.ThrowIfNull(check);
        return Rule<TChange>(name, description, (change, context) => Task.FromResult(check(change, context)));
    }
}
