using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>Replacing a plugin's files while the server runs swaps in a new schema, and the old plugin's runner stops.</summary>
public sealed class HotReloadTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-hotswap-{Guid.NewGuid():N}");
    private PluginTestHost _host = null!;

    private static string Build(string version) => Path.Combine(ConsortiumServer.BuiltPlugins("hotswap"), version);

    public Task InitializeAsync()
    {
        MixedPluginsServer.CopyFolder(Build("V1"), Path.Combine(_folder, "Hotswap"));
        _host = new PluginTestHost { PluginsPath = _folder, WatchPlugins = true };
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string?> BuildAnswering() =>
        (await _host.QueryAsync("{ district(code: \"3300930\") { local { hotswap { build } } } }"))
            .GetProperty("district").GetProperty("local").GetProperty("hotswap").GetProperty("build").GetString();

    private async Task WaitForGeneration(int generation)
    {
        for (var i = 0; i < 200 && _host.Schema.Generation < generation; i++) await Task.Delay(100);
        Assert.True(_host.Schema.Generation >= generation, $"the plugins folder change was not picked up within 20 s (generation {_host.Schema.Generation})");
    }

    [Fact]
    public async Task A_replaced_plugin_serves_its_new_version_without_a_restart_and_the_old_runner_stops()
    {
        Assert.Equal("1.0.0", await BuildAnswering());
        var (status, body) = await _host.SendAsync("{ district(code: \"3300930\") { local { hotswap { motto } } } }");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status); // V1 has no motto
        var generation = _host.Schema.Generation;
        var oldRunner = Assert.Single(_host.Schema.Runners).ProcessId ?? throw new InvalidOperationException("The runner is not running.");

        MixedPluginsServer.CopyFolder(Build("V2"), Path.Combine(_folder, "Hotswap"));
        await WaitForGeneration(generation + 1);

        Assert.Equal("2.0.0", await BuildAnswering());
        var motto = await _host.QueryAsync("{ district(code: \"3300930\") { local { hotswap { motto } } } plugins { key version } }");
        Assert.Equal("2.0.0", motto.GetProperty("plugins")[0].GetProperty("version").GetString());

        // The old build's code ran in its own process, which ends once no request uses the old schema.
        Assert.NotEqual(oldRunner, Assert.Single(_host.Schema.Runners).ProcessId);
        for (var i = 0; i < 100 && Running(oldRunner); i++) await Task.Delay(100);
        Assert.False(Running(oldRunner), "the replaced plugin's runner is still running");
    }

    private static bool Running(int processId)
    {
        try { return !System.Diagnostics.Process.GetProcessById(processId).HasExited; }
        catch (ArgumentException) { return false; }
    }

    [Fact]
    public async Task Removing_a_plugin_folder_removes_its_namespace_and_keeps_its_stored_values()
    {
        var generation = _host.Schema.Generation;
        Directory.Delete(Path.Combine(_folder, "Hotswap"), recursive: true);
        await WaitForGeneration(generation + 1);
        var plugins = await _host.QueryAsync("{ plugins { key } district(code: \"3300930\") { local { _plugins } } }");
        Assert.Equal(0, plugins.GetProperty("plugins").GetArrayLength());
        Assert.Equal(0, plugins.GetProperty("district").GetProperty("local").GetProperty("_plugins").GetArrayLength());
    }
}
