using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;

namespace ConsortiumGraph.Operations;

/// <summary>
/// <c>schema check [--against FILE]</c>: compares the core schema this build serves (built without a
/// database) with an SDL file (default the committed <c>schema/consortium.graphql</c>), prints every
/// change as BREAKING, DANGEROUS or SAFE, and exits 1 when a change breaks clients, unless what it
/// removes or retypes was deprecated in that file. CI runs it against the previous commit's schema.
/// </summary>
public static class SchemaCheck
{
    public const string Usage = "usage: ConsortiumGraph.Server schema check [--against <committed SDL file>]";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, "--against");
        var given = at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine("schema", "consortium.graphql");
        var file = CommandLine.CallersPath(given);
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No SDL file at {file}.\n{Usage}");
            return 2;
        }
        var core = new ConsortiumSchema(app.Services, PluginSet.Empty);
        core.Initialize();
        var changes = SchemaChanges.Between(await File.ReadAllTextAsync(file), SchemaPrinting.Sdl(core));
        foreach (var change in changes.OrderBy(c => c.Kind).ThenBy(c => c.Path, StringComparer.Ordinal))
            await Console.Out.WriteLineAsync($"{change.Kind.ToString().ToUpperInvariant(),-9} {change.Path}: {change.What}{(change.WasDeprecated ? " (it was deprecated: allowed)" : "")}");
        var breaking = changes.Count(c => c.Kind == SchemaChangeKind.Breaking && !c.WasDeprecated);
        await Console.Error.WriteLineAsync($"{changes.Count} changes against {file}: {breaking} breaking, "
            + $"{changes.Count(c => c.Kind == SchemaChangeKind.Breaking && c.WasDeprecated)} removing what was deprecated, "
            + $"{changes.Count(c => c.Kind == SchemaChangeKind.Dangerous)} dangerous, {changes.Count(c => c.Kind == SchemaChangeKind.Safe)} safe.");
        if (breaking > 0)
            await Console.Error.WriteLineAsync("A breaking change needs a deprecation first: mark the element @deprecated(reason: ...) and keep it for the period the README's deprecation policy gives.");
        return breaking > 0 ? 1 : 0;
    }
}
