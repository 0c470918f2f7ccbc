using ConsortiumGraph.Data;
using ConsortiumGraph.Graph;
using ConsortiumGraph.Plugins;
using Microsoft.EntityFrameworkCore;

namespace ConsortiumGraph.PluginHost;

/// <summary>Where plugins come from: <c>Plugins:Path</c> (default <c>plugins</c> beside the server) and whether to watch it.</summary>
public sealed class PluginOptions
{
    public string Path { get; set; } = "plugins";
    /// <summary>Reload when the folder's files change (hot reload); on by default.</summary>
    public bool Watch { get; set; } = true;
}

/// <summary>
/// The schema requests run on: the core composed with the plugins loaded now. When the plugins folder
/// changes, it loads the plugins again, builds and initializes a new schema, and swaps it in atomically;
/// requests already running finish on the schema they started with, and the old plugins are unloaded.
/// </summary>
public sealed class LiveSchema(IServiceProvider services, PluginOptions options, IEnumerable<IDistrictPlugin> inProcess,
    IHostEnvironment environment, ILogger<LiveSchema> log) : IHostedService, IDisposable
{
    private sealed record Composition(ConsortiumSchema Schema, PluginFolder Folder);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private Composition? _current;
    private CoreNames? _coreNames;
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;

    public string PluginPath { get; } = System.IO.Path.GetFullPath(options.Path, environment.ContentRootPath);

    public ConsortiumSchema Schema => (_current ?? throw new InvalidOperationException("The schema is built when the host starts.")).Schema;

    /// <summary>How many times plugins were composed; tests wait for it to move.</summary>
    public int Generation { get; private set; }

    /// <summary>The load contexts of the plugins serving now, as weak references (tests show they are collected after a reload).</summary>
    public IReadOnlyList<WeakReference> LoadContexts => _current?.Folder.LoadContexts ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
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

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Loads every plugin again and swaps in a schema composed with those that pass.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var folder = PluginFolder.Load(PluginPath);
            var loaded = new List<LoadedPlugin>();
            var rejected = new List<RejectedPlugin>(folder.Rejected);
            foreach (var plugin in inProcess)
                if (LoadedPlugin.TryCreate(() => plugin, plugin.GetType().FullName!, PluginSdk.Version, out var refused) is { } ok) loaded.Add(ok);
                else rejected.Add(refused!);
            loaded.AddRange(folder.Loaded);

            var plugins = loaded.Count == 0 ? new PluginSet([], rejected) : PluginComposer.Compose(loaded, rejected, await KnownDistrictsAsync(loaded, cancellationToken), CoreNames());
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
                    $"The schema could not be built with this set of plugins: {e.Message}"))]);
                schema = Build(plugins);
            }

            var previous = Interlocked.Exchange(ref _current, new Composition(schema, folder));
            Generation++;
            previous?.Folder.Dispose();
            foreach (var plugin in plugins.Plugins)
                log.LogInformation("Plugin {Key} {Version} loaded from {Source}: local fields {Fields}, rules {Rules}", plugin.Key, plugin.Manifest.Version,
                    plugin.Loaded.Source, plugin.Fields.Values.Sum(f => f.Count), plugin.Rules.Count);
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

    private async Task<IReadOnlyDictionary<string, int>> KnownDistrictsAsync(IEnumerable<LoadedPlugin> plugins, CancellationToken cancellationToken)
    {
        var codes = plugins.SelectMany(p => p.Manifest.Districts ?? []).Where(c => c is not null).Distinct().ToList();
        await using var db = await services.GetRequiredService<IDbContextFactory<ConsortiumDb>>().CreateDbContextAsync(cancellationToken);
        return await db.Districts.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
    }

    /// <summary>The core schema's type and field names, which plugins must not reuse; read once from a schema with no plugins.</summary>
    private CoreNames CoreNames() => _coreNames ??= PluginHost.CoreNames.Of(Build(PluginSet.Empty));

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _current?.Folder.Dispose();
        _reloading.Dispose();
    }
}
