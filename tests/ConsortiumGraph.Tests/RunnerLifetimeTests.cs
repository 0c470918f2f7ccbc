using ConsortiumGraph.PluginHost;
using ConsortiumGraph.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConsortiumGraph.Tests;

/// <summary>A sandboxed runner lives as long as the server, not as long as the thread that happened to start it.</summary>
public sealed class RunnerLifetimeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consortiumgraph-lifetime-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [SandboxFact]
    public async Task A_runner_outlives_the_thread_that_started_it()
    {
        var plugin = Directory.GetDirectories(ConsortiumServer.BuiltPlugins()).First();
        MixedPluginsServer.CopyFolder(plugin, Path.Combine(_folder, Path.GetFileName(plugin)));
        var options = new PluginOptions();
        var sandbox = PluginSandbox.Create(options, out var problem) ?? throw new InvalidOperationException(problem);
        Assert.True(sandbox.Isolated);

        // As a thread-pool thread does: it starts the runner, waits for its manifest (the sandbox is set up by then), and ends.
        PluginRunner? runner = null;
        var starter = new Thread(() => runner = PluginRunner.StartAsync(Path.Combine(_folder, Path.GetFileName(plugin)), options, sandbox, NullLogger.Instance)
            .GetAwaiter().GetResult().Runner);
        starter.Start();
        starter.Join();
        await using var started = runner!;
        var process = System.Diagnostics.Process.GetProcessById(started.ProcessId!.Value);

        // bubblewrap's --die-with-parent killed the sandbox within milliseconds of its starting thread's end.
        await Task.Delay(1000);
        Assert.False(process.HasExited, "the runner ended after the thread that started it ended");
        Assert.Equal(1, started.Starts);
        Assert.Null(started.Failure);
        Assert.NotNull((await started.RegisterAsync()).Fingerprint());
    }
}
