using ConsortiumGraph.Graph;
using ConsortiumGraph.PluginHost;

namespace ConsortiumGraph.Operations;

/// <summary>
/// <c>schema export [--out DIR]</c>: writes the core schema's SDL (<c>consortium.graphql</c>) into DIR
/// (default <c>schema</c>) without starting the web host or touching a database. The composed SDL
/// needs the plugins' district codes checked against a database: <c>plugins validate</c> prints it.
/// </summary>
public static class SchemaExport
{
    public const string Usage = "usage: ConsortiumGraph.Server schema export [--out <folder>]";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, "--out");
        var folder = Path.GetFullPath(at >= 0 && at + 1 < args.Length ? args[at + 1] : "schema", Directory.GetCurrentDirectory());
        Directory.CreateDirectory(folder);
        var schema = new ConsortiumSchema(app.Services, PluginSet.Empty);
        schema.Initialize();
        var file = Path.Combine(folder, "consortium.graphql");
        await File.WriteAllTextAsync(file, SchemaPrinting.Sdl(schema));
        await Console.Error.WriteLineAsync($"wrote {file}");
        return 0;
    }
}
