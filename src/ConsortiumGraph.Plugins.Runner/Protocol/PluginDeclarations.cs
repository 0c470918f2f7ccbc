using System.Text.Json;

namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>
/// What a plugin's <c>Register</c> declared, as data: its fields on each core type and its rules. The
/// runner reads them off the plugin's <see cref="PluginBuilder"/>; the server builds a builder of its
/// own from them, whose computations and checks call the runner.
/// </summary>
public sealed record PluginDeclarations(IReadOnlyList<FieldDeclaration> Fields, IReadOnlyList<RuleDeclaration> Rules)
{
    public static PluginDeclarations Of(PluginBuilder declared) => new(
        [.. EntityKind.All.SelectMany(kind => kind.Declared(declared).Select(f => new FieldDeclaration(kind.Name, f.Name, TypeDeclaration.Of(f.Type), f.Description, f.Required, f.IsComputed)))],
        [.. declared.Rules.Select(r => new RuleDeclaration(r.Name, r.Description, r.ChangeType.Name))]);

    /// <summary>A builder declaring the same fields and rules, with <paramref name="compute"/> and <paramref name="check"/> doing their work.</summary>
    public PluginBuilder ToBuilder(Func<EntityKind, string, UntypedCompute> compute, Func<string, Type, Func<ProposedChange, RuleContext, Task<IEnumerable<Violation>>>> check)
    {
        var builder = new PluginBuilder();
        foreach (var field in Fields ?? [])
        {
            var kind = EntityKind.Find(field.Entity) ?? throw new InvalidDataException($"`{field.Entity}` is not a core type plugins extend.");
            kind.Declare(builder, field.Name, field.Type?.ToType(), field.Description, field.Required, field.Computed ? compute(kind, field.Name) : null);
        }
        foreach (var rule in Rules ?? [])
        {
            var change = ProposedChanges.Find(rule.Change) ?? throw new InvalidDataException($"`{rule.Change}` is not a proposed change.");
            ProposedChanges.Declare(builder, change, rule.Name, rule.Description, check(rule.Name, change));
        }
        return builder;
    }

    /// <summary>The declarations as text, to tell whether a restarted runner declares the same as before.</summary>
    public string Fingerprint() => JsonSerializer.Serialize(this, Wire.Options);
}
