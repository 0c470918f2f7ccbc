namespace ConsortiumGraph.PluginHost;

/// <summary>The names the core schema already uses, which plugins must not reuse.</summary>
public sealed record CoreNames(IReadOnlySet<string> TypeNames, IReadOnlyDictionary<string, IReadOnlySet<string>> FieldsByType)
{
    /// <summary>The names of a schema composed with no plugins.</summary>
    public static CoreNames Of(GraphQL.Types.ISchema core) => new(
        core.AllTypes.Select(t => t.Name).ToHashSet(),
        ExtensibleEntity.All.Select(e => e.Name).ToDictionary(t => t, t => (IReadOnlySet<string>)((GraphQL.Types.IComplexGraphType)core.AllTypes[t]!).Fields.Select(f => f.Name).ToHashSet()));
}
