using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ConsortiumGraph.Plugins;
using ConsortiumGraph.Plugins.Runner.Protocol;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// The server's side of one plugin's runner process: starts it, asks it for the manifest and the
/// declarations, forwards computed fields and rules to it with a time budget each, and answers the
/// data its plugin code asks for under the calling context's scope. It supervises the process: one that
/// crashes, hangs past a budget or stops answering is killed and started again with backoff, and after
/// <see cref="PluginOptions.MaxRestarts"/> failures in a row the plugin is marked failed (<see cref="Failure"/>).
/// </summary>
public sealed class PluginRunner : IAsyncDisposable
{
    private readonly PluginOptions _options;
    private readonly PluginSandbox _sandbox;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<long, PluginContext> _contexts = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly object _gate = new();
    private TaskCompletionSource<Connection> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Connection? _connection;
    private string? _fingerprint;
    private int _faults;
    private long _lastFault;
    private int _inFlight;
    private bool _stopping;

    private sealed record Connection(Process Process, RunnerChannel Channel);

    private PluginRunner(string folder, PluginOptions options, PluginSandbox sandbox, ILogger log) =>
        (Folder, _options, _sandbox, _log) = (folder, options, sandbox, log);

    /// <summary>The plugin's folder.</summary>
    public string Folder { get; }

    /// <summary>Why the plugin stopped being served (its runner kept failing); null while it serves.</summary>
    public string? Failure { get; private set; }

    /// <summary>The runner's process ID while it runs (for operators and tests); null between a failure and its restart.</summary>
    public int? ProcessId => _connection?.Process.Id;

    /// <summary>How many times the runner was started, the first time included.</summary>
    public int Starts { get; private set; }

    /// <summary>Starts a runner for <paramref name="folder"/> and reads the plugin's manifest; nothing else of the plugin has run.</summary>
    public static async Task<(PluginRunner Runner, ManifestReply Manifest)> StartAsync(string folder, PluginOptions options, PluginSandbox sandbox, ILogger log)
    {
        var runner = new PluginRunner(folder, options, sandbox, log);
        try
        {
            var connection = runner.Launch();
            var manifest = (await connection.Channel.CallAsync(Wire.Manifest, null).WaitAsync(options.StartTimeout)).Deserialize<ManifestReply>(Wire.Options)
                ?? throw new InvalidDataException("The runner answered no manifest.");
            runner.SetReady(connection);
            return (runner, manifest);
        }
        catch (Exception e)
        {
            var reason = runner.Describe(e);
            await runner.DisposeAsync();
            throw new PluginFailedException($"The plugin runner did not start: {reason}", e);
        }
    }

    /// <summary>Runs the plugin's Register in the runner and returns what it declared.</summary>
    public async Task<PluginDeclarations> RegisterAsync()
    {
        var connection = await _ready.Task.WaitAsync(_options.StartTimeout);
        try
        {
            var declarations = (await connection.Channel.CallAsync(Wire.Register, null).WaitAsync(_options.StartTimeout)).Deserialize<PluginDeclarations>(Wire.Options)
                ?? throw new InvalidDataException("The runner answered no declarations.");
            _fingerprint = declarations.Fingerprint();
            return declarations;
        }
        catch (RemoteCallException e)
        {
            throw new PluginFailedException($"The plugin threw while registering ({e.Message}). Fix its Register.", e);
        }
        catch (Exception e)
        {
            throw new PluginFailedException($"The plugin runner failed while registering: {Describe(e)}", e);
        }
    }

    /// <summary>A computed field for a batch of entities, within <see cref="PluginOptions.FieldTimeout"/>.</summary>
    public async Task<IReadOnlyList<object?>> ComputeAsync(string entity, string field, IReadOnlyList<object> views, IReadOnlyList<LocalValues> stored, PluginContext context)
    {
        var call = new ComputeRequest(entity, field, views, stored, context.Today);
        return (await CallAsync(Wire.Compute, call, context, _options.FieldTimeout)).Deserialize<WireValues>(Wire.Options)!.Items;
    }

    /// <summary>A rule on a proposed change, within <see cref="PluginOptions.RuleTimeout"/>.</summary>
    public async Task<IEnumerable<Violation>> CheckAsync(string rule, ProposedChange change, RuleContext context)
    {
        var call = new CheckCall(rule, change.GetType().Name, ProposedChanges.Write(change), context.DistrictCode, context.Today);
        var violations = (await CallAsync(Wire.Check, call, context, _options.RuleTimeout)).Deserialize<List<ViolationReply>>(Wire.Options) ?? [];
        return violations.Select(v => v.Severity == RuleSeverity.Advisory ? Violation.Advise(v.Message, v.Field) : Violation.Block(v.Message, v.Field)).ToList();
    }

    private async Task<JsonElement> CallAsync(string method, object args, PluginContext context, TimeSpan budget)
    {
        if (Failure is { } failure) throw new PluginFailedException(failure, null);
        Interlocked.Increment(ref _inFlight);
        var started = Stopwatch.GetTimestamp();
        Connection? connection = null;
        try
        {
            connection = await _ready.Task.WaitAsync(budget, context.CancellationToken);
            var id = connection.Channel.NextId();
            _contexts[id] = context;
            try
            {
                return await connection.Channel.CallAsync(method, args, id: id, cancellationToken: context.CancellationToken)
                    .WaitAsync(Remaining(budget, started), context.CancellationToken);
            }
            finally
            {
                _contexts.TryRemove(id, out _);
            }
        }
        catch (TimeoutException e)
        {
            // The plugin's code may be spinning; only ending its process stops it.
            if (connection is not null) Fault(connection, $"a call took longer than its budget of {budget.TotalSeconds:0.#} s");
            throw new PluginTimeoutException($"The plugin did not answer within {budget.TotalSeconds:0.#} s.", e);
        }
        catch (RemoteCallException e)
        {
            throw new PluginFailedException(e.Message, e);
        }
        catch (ChannelClosedException e)
        {
            throw new PluginFailedException($"The plugin's runner stopped during the call: {Describe(e)}", e);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            if (connection is not null) Fault(connection, $"it answered something that is not the protocol ({e.Message})");
            throw new PluginFailedException($"The plugin's runner answered something that is not the protocol: {e.Message}", e);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>What is left of a call's budget; none (an immediate timeout) once waiting for a restarted runner used it up.</summary>
    private static TimeSpan Remaining(TimeSpan budget, long started) =>
        budget - Stopwatch.GetElapsedTime(started) is { Ticks: > 0 } left ? left : TimeSpan.Zero;

    /// <summary>The runner's calls back: data its plugin code asks for, answered with the data of the server's call it serves.</summary>
    private async Task<object?> HandleAsync(string method, JsonElement args, long id, long parent, CancellationToken cancellationToken)
    {
        if (!_contexts.TryGetValue(parent, out var context)) throw new RemoteCallException("Plugin data can be asked for only while computing a field or checking a rule.");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        return method switch
        {
            Wire.Districts => await context.Data.DistrictsAsync(args.Deserialize<DistrictsCall>(Wire.Options)!.Codes.Take(10_000).ToList(), linked.Token),
            Wire.Calendar when args.Deserialize<CalendarCall>(Wire.Options) is { } call => await context.Data.CalendarAsync(call.DistrictCode, call.From, call.To, linked.Token),
            _ => throw new RemoteCallException($"`{method}` is not data plugins may ask for."),
        };
    }

    private Connection Launch()
    {
        var process = new Process { StartInfo = _sandbox.StartInfo(Folder), EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            _stderr.Enqueue(e.Data.Length > 500 ? e.Data[..500] : e.Data);
            while (_stderr.Count > 20) _stderr.TryDequeue(out string? _);
            _log.LogDebug("Plugin runner {Folder}: {Line}", System.IO.Path.GetFileName(Folder), e.Data);
        };
        // Not from this thread: the sandbox dies with the thread that started it (RunnerLauncher).
        RunnerLauncher.Start(process);
        Starts++;
        process.BeginErrorReadLine();
        var channel = new RunnerChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        var connection = new Connection(process, channel);
        _ = channel.RunAsync(HandleAsync);
        _ = channel.Closed.ContinueWith(closed =>
        {
            // The pipe closes while the process ends: let it finish, so that Fault reads the runner's own exit code and
            // not that of its own kill (SIGKILL, 137).
            process.WaitForExit(TimeSpan.FromMilliseconds(500));
            Fault(connection, closed.Result is null ? "its process ended" : $"its pipe failed ({closed.Result.Message})");
        }, TaskScheduler.Default);
        return connection;
    }

    private void SetReady(Connection connection)
    {
        lock (_gate)
        {
            _connection = connection;
            _ready.TrySetResult(connection);
        }
    }

    /// <summary>Ends a runner that failed and schedules the next one; after too many failures in a row, the plugin stops being served.</summary>
    private void Fault(Connection connection, string what)
    {
        TimeSpan delay;
        lock (_gate)
        {
            if (_stopping || _connection != connection) return;
            _connection = null;
            // Read before the kill, whose code would otherwise be reported as the runner's own end.
            var exit = connection.Process.HasExited ? $" (exit code {connection.Process.ExitCode}{StderrTail()})" : $" (it was still running, and is ended{StderrTail()})";
            Kill(connection.Process);
            // Failures an hour apart are not "in a row".
            if (Stopwatch.GetElapsedTime(_lastFault) > TimeSpan.FromHours(1)) _faults = 0;
            _faults++;
            _lastFault = Stopwatch.GetTimestamp();
            if (_faults > _options.MaxRestarts)
            {
                Failure = $"Its runner failed {_faults} times in a row, the last time because {what}{exit}; it is not restarted until the plugin's folder changes or the server restarts.";
                _log.LogError("Plugin runner {Folder} stopped for good: {Failure}", Folder, Failure);
                _ready.TrySetException(new PluginFailedException(Failure, null));
                _ready = Failed(Failure);
                return;
            }
            delay = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, _faults - 1), 30_000));
            _log.LogWarning("Plugin runner {Folder} failed because {What}{Exit}; restarting in {Delay} ms", Folder, what, exit, delay.TotalMilliseconds);
            if (_ready.Task.IsCompleted) _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _ = RestartAfterAsync(delay);
    }

    private async Task RestartAfterAsync(TimeSpan delay)
    {
        await Task.Delay(delay);
        Connection? connection = null;
        try
        {
            lock (_gate)
                if (_stopping) return;
            connection = Launch();
            var manifest = (await connection.Channel.CallAsync(Wire.Manifest, null).WaitAsync(_options.StartTimeout)).Deserialize<ManifestReply>(Wire.Options);
            if (manifest?.Problem is { } problem) throw new InvalidDataException(problem);
            if (_fingerprint is not null)
            {
                var declarations = (await connection.Channel.CallAsync(Wire.Register, null).WaitAsync(_options.StartTimeout)).Deserialize<PluginDeclarations>(Wire.Options);
                if (declarations?.Fingerprint() != _fingerprint) throw new InvalidDataException("the restarted plugin declares other fields or rules than it did");
            }
            SetReady(connection);
            _log.LogInformation("Plugin runner {Folder} restarted", Folder);
        }
        catch (Exception e)
        {
            if (connection is null) return;
            lock (_gate) _connection = connection; // so Fault counts this attempt
            Fault(connection, $"it did not start again ({Describe(e)})");
        }
    }

    private static TaskCompletionSource<Connection> Failed(string failure)
    {
        var failed = new TaskCompletionSource<Connection>();
        failed.SetException(new PluginFailedException(failure, null));
        failed.Task.Exception?.Handle(_ => true); // observed: callers see Failure first
        return failed;
    }

    private string Describe(Exception e) => (e is TimeoutException ? "it did not answer in time" : e.Message) + StderrTail();

    private string StderrTail() => _stderr.IsEmpty ? "" : $"; its last output: {string.Join(" | ", _stderr.TakeLast(3))}";

    private static void Kill(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (Exception) { /* already gone */ }
    }

    /// <summary>Stops the runner once the calls in flight finished (at most 10 s), as a schema swap or shutdown needs.</summary>
    public async ValueTask DisposeAsync()
    {
        Connection? connection;
        lock (_gate)
        {
            _stopping = true;
            connection = _connection;
            _connection = null;
        }
        var waited = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _inFlight) > 0 && Stopwatch.GetElapsedTime(waited) < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        if (connection is null) return;
        try
        {
            connection.Process.StandardInput.Close(); // the runner ends when its input does
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await connection.Process.WaitForExitAsync(exit.Token);
        }
        catch (Exception)
        {
            Kill(connection.Process);
        }
        connection.Process.Dispose();
    }
}
