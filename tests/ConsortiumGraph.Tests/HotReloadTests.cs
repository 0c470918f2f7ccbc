using System.Runtime.CompilerServices;
using ConsortiumGraph.Plugins.Testing;
using ConsortiumGraph.Tests.Infrastructure;

namespace ConsortiumGraph.Tests;

/// <summary>Replacing a plugin's files while the server runs swaps in a new schema, and the old plugin's code is unloaded.</summary>
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
    public async Task A_replaced_plugin_serves_its_new_version_without_a_restart_and_the_old_one_is_unloaded()
    {
        Assert.Equal("1.0.0", await BuildAnswering());
        var (status, body) = await _host.SendAsync("{ district(code: \"3300930\") { local { hotswap { motto } } } }");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status); // V1 has no motto
        var generation = _host.Schema.Generation;
        var oldContexts = WeakContexts();
        Assert.NotEmpty(oldContexts);

        MixedPluginsServer.CopyFolder(Build("V2"), Path.Combine(_folder, "Hotswap"));
        await WaitForGeneration(generation + 1);

        Assert.Equal("2.0.0", await BuildAnswering());
        var motto = await _host.QueryAsync("{ district(code: \"3300930\") { local { hotswap { motto } } } plugins { key version } }");
        Assert.Equal("2.0.0", motto.GetProperty("plugins")[0].GetProperty("version").GetString());

        // Nothing holds the old plugin any more: its load context is collected.
        for (var i = 0; i < 20 && oldContexts.Any(c => c.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(50);
        }
        Assert.All(oldContexts, c => Assert.False(c.IsAlive, "the replaced plugin's load context is still referenced"));
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

    // Kept out of the test method so no local of its frame holds the contexts strongly.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private List<WeakReference> WeakContexts() => [.. _host.Schema.LoadContexts];
}
