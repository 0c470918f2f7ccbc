using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConsortiumGraph.PluginHost;

/// <summary>Starts runner processes from one thread that lives as long as the server.</summary>
/// <remarks>
/// bubblewrap's <c>--die-with-parent</c> asks Linux to kill the sandbox when its parent dies, and Linux takes the parent
/// to be the thread that started it, not the process (prctl(2), PR_SET_PDEATHSIG). Started from a thread-pool thread, a
/// runner was killed when that thread retired: in bench/run's PostgreSQL phase, <c>perf record -e signal:signal_generate</c>
/// showed a ".NET TP Worker" thread of the server sending SIGKILL to both runners' bubblewrap at once, then to each
/// runner restarted from another pool thread, every few minutes (exit code 137, 4 to 7 restarts a run).
/// </remarks>
public static class RunnerLauncher
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Pending = [];

    static RunnerLauncher() => new Thread(Launch) { IsBackground = true, Name = "Plugin runner launcher" }.Start();

    /// <summary>Starts <paramref name="process"/> on the launcher thread and returns once it has started (or throws why not).</summary>
    public static void Start(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending.Add((process, started));
        started.Task.GetAwaiter().GetResult();
    }

    private static void Launch()
    {
        foreach (var (process, started) in Pending.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
