using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// <c>plugins validate PATH</c>: loads built plugins exactly as the server would (the configured
/// database supplies the district codes), reports each one on standard error, prints the composed
/// SDL on standard output, and exits 1 when any plugin is rejected. Each plugin runs in its runner, as on
/// the server; the SHA-256 printed is what <c>approvePlugin</c> names.
/// </summary>
public static class PluginCommands
{
    public const string Usage = "usage: ConsortiumGraph.Server plugins validate <plugin folder or folder of plugin folders> [--Setting=value ...]";

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        var path = command is ["plugins", "validate", var given] ? Operations.CommandLine.CallersPath(given) : null;
        if (path is null || !Directory.Exists(path))
        {
            await Console.Error.WriteLineAsync(command is ["plugins", "validate", var missing] ? $"No folder at {missing} (looked in {path}).\n{Usage}" : Usage);
            return 2;
        }
        await app.Services.InitializeDatabaseAsync();
        var (root, copied) = AsPluginsRoot(Path.GetFullPath(path));
        // Validation checks the build as the server would compose it; approval is the server's question, not the build's.
        var options = app.Services.GetRequiredService<PluginOptions>();
        await using var live = ActivatorUtilities.CreateInstance<LiveSchema>(app.Services, new PluginOptions
        {
            Path = root, Watch = false, RequireApproval = false, Sandbox = options.Sandbox, MemoryLimitMb = options.MemoryLimitMb, RunnerPath = options.RunnerPath,
            StartTimeout = options.StartTimeout,
        });
        try
        {
            await live.StartAsync(CancellationToken.None);
        }
        finally
        {
            if (copied) Directory.Delete(root, recursive: true); // the plugins are in memory by now
        }
        var plugins = live.Schema.Plugins;
        foreach (var plugin in plugins.Plugins)
            await Console.Error.WriteLineAsync($"ok       {plugin.Key} {plugin.Manifest.Version} (SDK {plugin.Loaded.SdkVersion.ToString(3)}) for {string.Join(", ", plugin.Districts.Keys)}: "
                + $"local fields: {plugin.Fields.Values.Sum(f => f.Count)}, rules: {plugin.Rules.Count}; SHA-256 {plugin.Loaded.Sha256}");
        foreach (var rejected in plugins.Rejected)
            await Console.Error.WriteLineAsync($"REJECTED {rejected.Key ?? Path.GetFileName(rejected.Source)}: {rejected.Reason}");
        if (plugins.Plugins.Count == 0 && plugins.Rejected.Count == 0)
            await Console.Error.WriteLineAsync($"No plugin found in {path}: a plugin folder holds Name.dll, its .deps.json and its dependencies.");
        await Console.Error.WriteLineAsync($"runners: {live.Sandbox}");
        await Console.Out.WriteAsync(SchemaPrinting.Sdl(live.Schema));
        return plugins.Rejected.Count == 0 && plugins.Plugins.Count > 0 ? 0 : 1;
    }

    /// <summary>One plugin's folder (holding Name.dll) is validated alone; a folder of plugin folders as the server would load it.</summary>
    private static (string Root, bool Copied) AsPluginsRoot(string path)
    {
        if (!File.Exists(Path.Combine(path, Path.GetFileName(path) + ".dll"))) return (path, false);
        var root = Path.Combine(Path.GetTempPath(), $"consortiumgraph-validate-{Guid.NewGuid():N}");
        var copy = Path.Combine(root, Path.GetFileName(path));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(path)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return (root, true);
    }
}
