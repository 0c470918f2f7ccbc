using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConsortiumGraph.Tests;

/// <summary>
/// Runners started from a plugins folder outside a server: a load whose admission cannot be decided (the database is not
/// there), and a runner whose starting thread ends.
/// </summary>
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

    [SandboxFact]
    public async Task A_runner_outlives_the_thread_that_started_it()
    {
        var built = Directory.GetDirectories(ConsortiumServer.BuiltPlugins()).First();
        var plugin = Path.Combine(_folder, Path.GetFileName(built)); // the runner finds the plugin's assembly by its folder's name
        MixedPluginsServer.CopyFolder(built, plugin);
        var options = new PluginOptions();
        var sandbox = PluginSandbox.Create(options, out var problem) ?? throw new InvalidOperationException(problem);
        Assert.True(sandbox.Isolated);

        // As a thread-pool thread does: it starts the runner, waits for its manifest (the sandbox is set up by then), and ends.
        PluginRunner? runner = null;
        var starter = new Thread(() => runner = PluginRunner.StartAsync(plugin, options, sandbox, NullLogger.Instance).GetAwaiter().GetResult().Runner);
        starter.Start();
        starter.Join();
        await using var started = runner!;
        var process = System.Diagnostics.Process.GetProcessById(started.ProcessId!.Value);

        // bubblewrap's --die-with-parent killed the sandbox within milliseconds of its starting thread's end (RunnerLauncher).
        await Task.Delay(1000);
        Assert.False(process.HasExited, "the runner ended after the thread that started it ended");
        Assert.Equal(1, started.Starts);
        Assert.Null(started.Failure);
        Assert.NotEmpty((await started.RegisterAsync()).Fields); // it still answers: the sample declares local fields
    }

    [Fact]
    public void A_runner_that_cannot_be_started_throws_to_its_caller_and_the_launcher_starts_the_next()
    {
        using var missing = new System.Diagnostics.Process { StartInfo = new(Path.Combine(_folder, "no-such-runner")) { UseShellExecute = false } };
        Assert.Throws<System.ComponentModel.Win32Exception>(() => RunnerLauncher.Start(missing));

        using var next = new System.Diagnostics.Process { StartInfo = new("/bin/sh", ["-c", "exit 3"]) { UseShellExecute = false } };
        RunnerLauncher.Start(next);
        Assert.True(next.WaitForExit(10_000));
        Assert.Equal(3, next.ExitCode);
    }

    /// <summary>Processes whose command line names <paramref name="folder"/>: a runner (and its sandbox) serving a plugin from it.</summary>
    private static int RunnersIn(string folder) => Directory.GetDirectories("/proc").Count(p =>
    {
        try { return File.ReadAllText(Path.Combine(p, "cmdline")).Contains(folder, StringComparison.Ordinal); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    });
}
