using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConsortiumGraph.Tests;

/// <summary>Loading a plugins folder when the admission of a build cannot be decided (the database is not there).</summary>
public sealed class PluginFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-folder-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [SandboxFact]
    public async Task A_failed_admission_fails_the_load_and_stops_the_runners_it_started()
    {
        // A folder of this test's own, so the runners started here are told apart from other tests' by their command line.
        foreach (var plugin in Directory.GetDirectories(ConsortiumServer.BuiltPlugins()))
            MixedPluginsServer.CopyFolder(plugin, Path.Combine(_folder, Path.GetFileName(plugin)));
        var options = new PluginOptions();
        var sandbox = PluginSandbox.Create(options, out var problem) ?? throw new InvalidOperationException(problem);
        var admitted = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PluginFolder.LoadAsync(_folder, options, sandbox, null, (_, _) =>
        {
            Interlocked.Increment(ref admitted);
            throw new InvalidOperationException("The database is not ready.");
        }, NullLogger.Instance));

        Assert.Equal("The database is not ready.", error.Message);
        Assert.Equal(2, admitted); // both runners started and read their manifests
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (RunnersIn(_folder) > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, RunnersIn(_folder));
    }

    /// <summary>Processes whose command line names <paramref name="folder"/>: a runner (and its sandbox) serving a plugin from it.</summary>
    private static int RunnersIn(string folder) => Directory.GetDirectories("/proc").Count(p =>
    {
        try { return File.ReadAllText(Path.Combine(p, "cmdline")).Contains(folder, StringComparison.Ordinal); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    });
}
