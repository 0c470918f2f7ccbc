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

/// <summary>A declared local field.</summary>
public sealed record FieldDeclaration(string Entity, string Name, TypeDeclaration? Type, string Description, bool Required, bool Computed);

/// <summary>A declared rule; <see cref="Change"/> names the <see cref="ProposedChange"/> type it checks.</summary>
public sealed record RuleDeclaration(string Name, string Description, string Change);

/// <summary>A <see cref="LocalFieldType"/> as data.</summary>
public sealed record TypeDeclaration(LocalValueKind Kind, string? EnumName, IReadOnlyList<string>? AllowedValues, TypeDeclaration? ItemType)
{
    public static TypeDeclaration? Of(LocalFieldType? type) =>
        type is null ? null : new(type.Kind, type.EnumName, type.Kind == LocalValueKind.Enum ? type.AllowedValues : null, Of(type.ItemType));

    public LocalFieldType ToType() => Kind switch
    {
        LocalValueKind.String => LocalFieldType.String,
        LocalValueKind.Int => LocalFieldType.Int,
        LocalValueKind.Decimal => LocalFieldType.Decimal,
        LocalValueKind.Boolean => LocalFieldType.Boolean,
        LocalValueKind.Date => LocalFieldType.Date,
        LocalValueKind.Enum => LocalFieldType.Enum(EnumName!, [.. AllowedValues ?? []]),
        LocalValueKind.List => LocalFieldType.ListOf(ItemType?.ToType()!),
        _ => throw new InvalidDataException($"`{Kind}` is not a local value kind."),
    };
}
