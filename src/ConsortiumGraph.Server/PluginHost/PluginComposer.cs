using System.Text.RegularExpressions;
using ConsortiumGraph.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// Checks loaded plugins before they are composed into a schema, and rejects each that does not fit
/// with every reason a district developer needs to fix it; the others are composed regardless.
/// </summary>
public static partial class PluginComposer
{
    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,39}$")] private static partial Regex KeyPattern();
    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$")] private static partial Regex FieldPattern();
    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,63}$")] private static partial Regex TypePattern();
    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,63}$")] private static partial Regex UpperSnakePattern();

    /// <param name="districtIds">The database keys of the district codes any plugin names (unknown codes are absent).</param>
    public static PluginSet Compose(IEnumerable<LoadedPlugin> loaded, IEnumerable<RejectedPlugin> rejectedAtLoad, IReadOnlyList<PendingPlugin> pending,
        IReadOnlyDictionary<string, int> districtIds, CoreNames core)
    {
        var composed = new List<ComposedPlugin>();
        var rejected = rejectedAtLoad.ToList();
        var typeNames = new Dictionary<string, string>(); // generated type name -> plugin key
        foreach (var plugin in loaded)
        {
            var problems = Check(plugin, districtIds, core).ToList();
            var key = plugin.Manifest.Key;
            if (problems.Count == 0 && composed.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)) is { } first)
                problems.Add($"The key `{key}` is already used by the plugin in {first.Loaded.Source}; keys are unique (ignoring case).");
            ComposedPlugin? candidate = null;
            if (problems.Count == 0)
            {
                candidate = new ComposedPlugin(plugin, plugin.Manifest.Districts.Distinct().ToDictionary(c => c, c => districtIds[c]));
                foreach (var name in GeneratedTypeNames(candidate))
                    if (typeNames.TryGetValue(name, out var owner))
                        problems.Add($"Its type `{name}` collides with a type of the plugin `{owner}`.");
            }
            if (problems.Count > 0)
            {
                rejected.Add(new RejectedPlugin(plugin.Source, key, plugin.Manifest.Version, string.Join(" ", problems)) { Sha256 = plugin.Sha256 });
                continue;
            }
            foreach (var name in GeneratedTypeNames(candidate!))
                typeNames[name] = key;
            composed.Add(candidate!);
        }
        return new PluginSet(composed, rejected, pending);
    }

    /// <summary>What is wrong with a manifest alone: checked before a plugin's Register runs, so a bad manifest stops it first.</summary>
    public static IEnumerable<string> CheckManifest(PluginManifest manifest, IReadOnlyDictionary<string, int> districtIds)
    {
        if (string.IsNullOrEmpty(manifest.Key) || !KeyPattern().IsMatch(manifest.Key))
        {
            yield return $"The key `{manifest.Key}` is not a valid namespace: use 1-40 letters and digits in camelCase, starting with a lower-case letter (e.g. `riverside`).";
            yield break;
        }
        if (string.IsNullOrWhiteSpace(manifest.Version)) yield return "The manifest has no Version.";
        if (string.IsNullOrWhiteSpace(manifest.Description)) yield return "The manifest has no Description.";
        if (manifest.Districts is not { Count: > 0 }) yield return "The manifest names no district: list the codes of the districts the plugin speaks for.";
        foreach (var code in manifest.Districts ?? [])
            if (code is null || !districtIds.ContainsKey(code))
                yield return $"The district code `{code}` is not a district in this consortium database.";
    }

    private static IEnumerable<string> Check(LoadedPlugin plugin, IReadOnlyDictionary<string, int> districtIds, CoreNames core)
    {
        var manifest = plugin.Manifest;
        var manifestProblems = CheckManifest(manifest, districtIds).ToList();
        foreach (var problem in manifestProblems) yield return problem;
        if (string.IsNullOrEmpty(manifest.Key) || !KeyPattern().IsMatch(manifest.Key)) yield break;

        var prefix = char.ToUpperInvariant(manifest.Key[0]) + manifest.Key[1..];
        var enums = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (entityType, fields) in DeclaredFields(plugin.Declared))
        {
            var seen = new HashSet<string>();
            var coreFields = core.FieldsByType.GetValueOrDefault(entityType) ?? new HashSet<string>();
            foreach (var field in fields)
            {
                var where = $"{entityType}.{field.Name}";
                if (field.Name is null || !FieldPattern().IsMatch(field.Name))
                    yield return $"The field name `{field.Name}` on {entityType} is not valid: use camelCase letters and digits, starting with a lower-case letter.";
                else if (coreFields.Contains(field.Name))
                    yield return $"The field `{field.Name}` on {entityType} collides with the core field {entityType}.{field.Name}: local fields must not shadow core fields, pick another name.";
                else if (!seen.Add(field.Name))
                    yield return $"The field `{field.Name}` is declared twice on {entityType}.";
                if (string.IsNullOrWhiteSpace(field.Description)) yield return $"The field {where} has no description.";
                if (field.IsComputed && field.Required) yield return $"The computed field {where} cannot be required.";
                foreach (var problem in CheckType(field.Type, where, prefix, enums, core)) yield return problem;
            }
        }

        var rules = new HashSet<(string, Type)>();
        foreach (var rule in plugin.Declared.Rules)
        {
            if (rule.Name is null || !UpperSnakePattern().IsMatch(rule.Name))
                yield return $"The rule name `{rule.Name}` is not UPPER_SNAKE_CASE.";
            else if (!rules.Add((rule.Name, rule.ChangeType)))
                yield return $"The rule `{rule.Name}` is declared twice on {rule.ChangeType.Name}.";
            if (string.IsNullOrWhiteSpace(rule.Description)) yield return $"The rule `{rule.Name}` has no description.";
        }

        if (core.TypeNames.Contains(prefix + "DistrictFields") || core.TypeNames.Contains(prefix + "SchoolFields")
            || core.TypeNames.Contains(prefix + "PartnershipFields") || core.TypeNames.Contains(prefix + "CommitmentFields"))
            yield return $"The key `{manifest.Key}` would generate a type name the core schema already uses.";
    }

    private static IEnumerable<string> CheckType(LocalFieldType type, string where, string prefix, Dictionary<string, IReadOnlyList<string>> enums, CoreNames core)
    {
        if (type is null) { yield return $"The field {where} has no type."; yield break; }
        if (type.Kind == LocalValueKind.List)
        {
            if (type.ItemType is null or { Kind: LocalValueKind.List }) { yield return $"The field {where} is a list of lists; lists hold single values."; yield break; }
            foreach (var problem in CheckType(type.ItemType, where, prefix, enums, core)) yield return problem;
            yield break;
        }
        if (type.Kind != LocalValueKind.Enum) yield break;
        if (type.EnumName is null || !TypePattern().IsMatch(type.EnumName))
            yield return $"The enum of {where} has the name `{type.EnumName}`; enum names are PascalCase letters and digits.";
        else if (core.TypeNames.Contains(prefix + type.EnumName))
            yield return $"The enum `{prefix + type.EnumName}` of {where} collides with a core type name.";
        if (type.AllowedValues.Count == 0) yield return $"The enum of {where} allows no values.";
        foreach (var value in type.AllowedValues.Where(v => v is null || !UpperSnakePattern().IsMatch(v)))
            yield return $"The enum value `{value}` of {where} is not UPPER_SNAKE_CASE.";
        if (type.AllowedValues.Distinct().Count() != type.AllowedValues.Count) yield return $"The enum of {where} lists a value twice.";
        if (type.EnumName is not null && enums.TryGetValue(type.EnumName, out var other) && !other.SequenceEqual(type.AllowedValues))
            yield return $"The enum `{type.EnumName}` is declared twice with different values.";
        else if (type.EnumName is not null)
            enums[type.EnumName] = type.AllowedValues;
    }

    private static IEnumerable<(string EntityType, IReadOnlyList<LocalField> Fields)> DeclaredFields(PluginBuilder declared) =>
        ExtensibleEntity.All.Select(e => (e.Name, e.Declared(declared)));

    private static IEnumerable<string> GeneratedTypeNames(ComposedPlugin plugin) =>
        plugin.Fields.Where(f => f.Value.Count > 0).Select(f => plugin.ObjectTypeName(f.Key))
            .Concat(plugin.Fields.Values.SelectMany(fs => fs).Select(f => f.Definition.Type.Kind == LocalValueKind.List ? f.Definition.Type.ItemType! : f.Definition.Type)
                .Where(t => t.Kind == LocalValueKind.Enum).Select(plugin.EnumTypeName).Distinct());
}
