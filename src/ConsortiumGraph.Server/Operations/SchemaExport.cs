using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;

namespace ConsortiumGraph.Operations;

/// <summary>
/// <c>schema export [--out DIR]</c>: writes the core schema's SDL (<c>consortium.graphql</c>) and the
/// core composed with the plugins folder (<c>consortium.composed.graphql</c>) into DIR (default
/// <c>schema</c>), without starting the web host or touching a database. District codes are taken as
/// given here (they change no SDL); <c>plugins validate</c> checks them against a database.
/// </summary>
public static class SchemaExport
{
    public const string Usage = "usage: ConsortiumGraph.Server schema export [--out <folder>]";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, "--out");
        var folder = Path.GetFullPath(at >= 0 && at + 1 < args.Length ? args[at + 1] : "schema", Directory.GetCurrentDirectory());
        Directory.CreateDirectory(folder);
        var core = new ConsortiumSchema(app.Services, PluginSet.Empty);
        core.Initialize();
        await WriteAsync(Path.Combine(folder, "consortium.graphql"), core);

        var options = app.Services.GetRequiredService<PluginOptions>();
        // The sample plugins' declarations, read in their runners as the server reads them; the export is the build's, so approval does not apply.
        var sandbox = PluginSandbox.Create(options, out var problem);
        await using var plugins = await PluginFolder.LoadAsync(Path.GetFullPath(options.Path, app.Environment.ContentRootPath), options, sandbox, problem,
            (_, _) => Task.FromResult(new PluginAdmission(new PluginApprovalState(PluginApprovalKind.NotRequired, "schema export", null), null)), app.Logger);
        var codes = plugins.Loaded.SelectMany(p => p.Manifest.Districts ?? []).Distinct().Select((code, i) => (code, i)).ToDictionary(x => x.code, x => -1 - x.i);
        var set = PluginComposer.Compose(plugins.Loaded, plugins.Rejected, plugins.Pending, codes, CoreNames.Of(core));
        foreach (var rejected in set.Rejected) await Console.Error.WriteLineAsync($"REJECTED {rejected.Key ?? Path.GetFileName(rejected.Source)}: {rejected.Reason}");
        var composed = new ConsortiumSchema(app.Services, set);
        composed.Initialize();
        await WriteAsync(Path.Combine(folder, "consortium.composed.graphql"), composed);
        return set.Rejected.Count == 0 ? 0 : 1;
    }

    private static async Task WriteAsync(string file, ConsortiumSchema schema)
    {
        await File.WriteAllTextAsync(file, SchemaPrinting.Sdl(schema));
        await Console.Error.WriteLineAsync($"wrote {file}");
    }
}
