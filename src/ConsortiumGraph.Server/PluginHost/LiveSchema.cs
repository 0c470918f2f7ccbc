using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// The schema requests run on: the core composed with the plugins serving now. When the plugins folder
/// changes or an approval is given or revoked, it starts new runners, builds and initializes a new
/// schema, and swaps it in atomically; requests already running finish on the schema they started with
/// (they hold a <see cref="SchemaLease"/>), and only then are the old runners stopped.
/// </summary>
public sealed class LiveSchema(IServiceProvider services, PluginOptions options, IEnumerable<IDistrictPlugin> inProcess,
    IHostEnvironment environment, DatabaseOptions database, ILogger<LiveSchema> log) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private Composition? _current;
    private CoreNames? _coreNames;
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private PluginSandbox? _sandbox;
    private string? _sandboxProblem;
    private bool _stopped;
    // What reads the database waits for it to be ready; the first composition may start before (StartEarly).
    private Task _databaseReady = Task.CompletedTask;
    private Task? _firstLoad;

    public string PluginPath { get; } = System.IO.Path.GetFullPath(options.Path, environment.ContentRootPath);

    /// <summary>Whether builds need an approval to run: <c>Plugins:RequireApproval</c>, by default everywhere but in Development.</summary>
    public bool RequireApproval { get; } = options.RequireApproval ?? !environment.IsDevelopment();

    public ConsortiumSchema Schema => Current.Schema;

    /// <summary>What confines plugin runners here.</summary>
    public string Sandbox => _sandbox?.Description ?? _sandboxProblem ?? "no plugins folder";

    /// <summary>How many times plugins were composed; tests wait for it to move.</summary>
    public int Generation { get; private set; }

    /// <summary>The runners of the plugins serving now.</summary>
    public IReadOnlyList<PluginRunner> Runners => _current?.Folder?.Runners ?? [];

    private Composition Current => _current ?? throw new InvalidOperationException("The schema is built when the host starts.");

    /// <summary>The schema to run one request on; the plugins it composes keep running until the lease is disposed.</summary>
    public SchemaLease Lease()
    {
        while (true)
        {
            var composition = Current;
            if (composition.TryEnter()) return new SchemaLease(composition);
        }
    }

    /// <summary>
    /// Begins the first composition while the database is still being checked or migrated: the plugin runners start
    /// and the core schema is built meanwhile, since neither reads data; approvals and the plugins' districts are read
    /// once <paramref name="databaseReady"/> completes. <see cref="StartAsync"/> then waits for this composition.
    /// </summary>
    public void StartEarly(Task databaseReady)
    {
        _databaseReady = databaseReady;
        _firstLoad = ReloadAsync();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await (_firstLoad ?? ReloadAsync(cancellationToken));
        if (options.Watch && Directory.Exists(PluginPath))
        {
            _debounce = new Timer(_ => _ = ReloadAfterChangeAsync());
            _watcher = new FileSystemWatcher(PluginPath) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            // A copy raises many events; reload once the folder has been quiet for half a second.
            FileSystemEventHandler changed = (_, _) => _debounce.Change(TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);
            _watcher.Changed += changed;
            _watcher.Created += changed;
            _watcher.Deleted += changed;
            _watcher.Renamed += (s, e) => changed(s, e);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        // A reload in progress finishes first; none starts afterwards.
        await _reloading.WaitAsync(cancellationToken);
        _stopped = true;
        _reloading.Release();
        if (_current?.Folder is { } folder) await folder.DisposeAsync();
    }

    /// <summary>Starts every plugin again and swaps in a schema composed with those that pass.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            if (_stopped) return;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (_sandbox is null && _sandboxProblem is null && Directory.Exists(PluginPath) && Directory.EnumerateDirectories(PluginPath).Any())
            {
                _sandbox = PluginSandbox.Create(options, out _sandboxProblem);
                if (_sandbox is { Isolated: true }) log.LogInformation("Plugin runners are confined by {Sandbox}", _sandbox.Description);
                else if (_sandbox is not null && environment.IsDevelopment()) log.LogInformation("Plugin runners: {Sandbox}", _sandbox.Description);
                else log.LogWarning("Plugin runners: {Sandbox}", _sandbox?.Description ?? _sandboxProblem);
            }
            // The core schema's names are built once, while the runners start (they are separate processes).
            var core = _coreNames is { } known ? Task.FromResult(known) : Task.Run(CoreNames, cancellationToken);
            var approvals = new Lazy<Task<IReadOnlyList<PluginApproval>>>(() => ApprovalsAsync(cancellationToken));
            var folder = await PluginFolder.LoadAsync(PluginPath, options, _sandbox, _sandboxProblem,
                async (manifest, sha256) => await AdmitAsync(await approvals.Value, manifest, sha256, cancellationToken), log);
            var loaded = new List<LoadedPlugin>();
            var rejected = new List<RejectedPlugin>(folder.Rejected);
            foreach (var plugin in inProcess)
                if (LoadedPlugin.TryCreate(plugin, out var refused) is { } ok) loaded.Add(ok);
                else rejected.Add(refused!);
            loaded.AddRange(folder.Loaded);

            var plugins = loaded.Count == 0
                ? new PluginSet([], rejected, folder.Pending)
                : PluginComposer.Compose(loaded, rejected, folder.Pending, await KnownDistrictsAsync(loaded.Select(p => p.Manifest), cancellationToken), await core);
            ConsortiumSchema schema;
            try
            {
                schema = Build(plugins);
            }
            catch (Exception e)
            {
                // Composition checks should prevent this; if they missed something, the core keeps serving.
                log.LogError(e, "The schema could not be built with the plugins; serving the core schema only");
                plugins = new PluginSet([], [.. plugins.Rejected, .. plugins.Plugins.Select(p => new RejectedPlugin(p.Loaded.Source, p.Key, p.Manifest.Version,
                    $"The schema could not be built with this set of plugins: {e.Message}"))], plugins.Pending);
                schema = Build(plugins);
            }
            // Runners that did not make it into the schema stop now.
            foreach (var runner in folder.Runners.Where(r => plugins.Plugins.All(p => p.Loaded.Runner != r)).ToList())
                await folder.RetireAsync(runner);

            var previous = Interlocked.Exchange(ref _current, new Composition(schema, folder));
            Generation++;
            if (previous is not null) _ = previous.RetireAsync(log);
            foreach (var plugin in plugins.Plugins)
                log.LogInformation("Plugin {Key} {Version} serving from {Source} ({Approval}): local fields {Fields}, rules {Rules}", plugin.Key, plugin.Manifest.Version,
                    plugin.Loaded.Source, plugin.Loaded.Approval.Detail, plugin.Fields.Values.Sum(f => f.Count), plugin.Rules.Count);
            foreach (var pending in plugins.Pending)
                log.LogWarning("Plugin {Key} {Version} from {Source} awaits approval: SHA-256 {Sha256}", pending.Manifest.Key, pending.Manifest.Version, pending.Source, pending.Sha256);
            foreach (var refused in plugins.Rejected)
                log.LogWarning("Plugin {Key} from {Source} was rejected: {Reason}", refused.Key ?? "(unknown)", refused.Source, refused.Reason);
            log.LogInformation("Schema composed with {Count} plugins in {Elapsed:F0} ms", plugins.Plugins.Count,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>A build's manifest checked against the directory, then its approval.</summary>
    private async Task<PluginAdmission> AdmitAsync(IReadOnlyList<PluginApproval> approvals, PluginManifest manifest, string sha256, CancellationToken cancellationToken)
    {
        var known = await KnownDistrictsAsync([manifest], cancellationToken);
        var problems = PluginComposer.CheckManifest(manifest, known).ToList();
        return problems.Count > 0 ? new PluginAdmission(null, string.Join(" ", problems)) : new PluginAdmission(Approve(approvals, manifest, sha256), null);
    }

    /// <summary>Why a build may run: approved, approval not required here, or a sample plugin of the demo data; null when it awaits approval.</summary>
    private PluginApprovalState? Approve(IReadOnlyList<PluginApproval> approvals, PluginManifest manifest, string sha256)
    {
        if (!RequireApproval)
            return new(PluginApprovalKind.NotRequired, environment.IsDevelopment() ? "approval is not required in Development" : "approval is not required (Plugins:RequireApproval=false)", null);
        var districts = (manifest.Districts ?? []).Order(StringComparer.Ordinal).ToList();
        if (approvals.FirstOrDefault(a => a.Key == manifest.Key && a.Version == manifest.Version && a.Sha256 == sha256 && a.DistrictCodes.SequenceEqual(districts)) is { } approval)
            return new(PluginApprovalKind.Approved, $"approved by {approval.ApprovedBy} on {approval.ApprovedAt:yyyy-MM-dd}", approval);
        if (database.SeedDemoData && DemoData.SamplePlugins.Any(s => s.Key == manifest.Key && districts.SequenceEqual([s.District])))
            return new(PluginApprovalKind.Demo, "a sample plugin of the demo data, approved with it", null);
        return null;
    }

    private async Task<IReadOnlyList<PluginApproval>> ApprovalsAsync(CancellationToken cancellationToken)
    {
        if (!RequireApproval) return [];
        await _databaseReady.WaitAsync(cancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(cancellationToken);
        return await db.PluginApprovals.AsNoTracking().ToListAsync(cancellationToken);
    }

    private async Task ReloadAfterChangeAsync()
    {
        try { await ReloadAsync(); }
        catch (Exception e) { log.LogError(e, "Reloading plugins failed; the previous schema keeps serving"); }
    }

    private ConsortiumSchema Build(PluginSet plugins)
    {
        var schema = new ConsortiumSchema(services, plugins);
        schema.Initialize(); // here, not on the first request: a schema error must not reach a client
        return schema;
    }

    private async Task<IReadOnlyDictionary<string, int>> KnownDistrictsAsync(IEnumerable<PluginManifest> manifests, CancellationToken cancellationToken)
    {
        var codes = manifests.SelectMany(m => m.Districts ?? []).Where(c => c is not null).Distinct().ToList();
        await _databaseReady.WaitAsync(cancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(cancellationToken);
        return await db.Districts.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
    }

    /// <summary>The core schema's type and field names, which plugins must not reuse; read once from a schema with no plugins.</summary>
    private CoreNames CoreNames() => _coreNames ??= PluginHost.CoreNames.Of(Build(PluginSet.Empty));

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        if (_current?.Folder is { } folder) await folder.DisposeAsync();
    }

    /// <summary>A schema and the runners of its plugins, with the requests running on it counted.</summary>
    internal sealed class Composition(ConsortiumSchema schema, PluginFolder? folder)
    {
        private int _active;
        private volatile bool _retired;

        public ConsortiumSchema Schema { get; } = schema;
        public PluginFolder? Folder { get; } = folder;

        public bool TryEnter()
        {
            Interlocked.Increment(ref _active);
            if (!_retired) return true;
            Interlocked.Decrement(ref _active);
            return false;
        }

        public void Exit() => Interlocked.Decrement(ref _active);

        /// <summary>Stops the runners once the requests on this schema finished (or after two minutes, longer than any request may run).</summary>
        public async Task RetireAsync(ILogger log)
        {
            _retired = true;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _active) > 0 && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(2)) await Task.Delay(50);
            try { if (Folder is not null) await Folder.DisposeAsync(); }
            catch (Exception e) { log.LogWarning(e, "Stopping the previous plugin runners failed"); }
        }
    }
}
