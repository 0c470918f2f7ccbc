using ConsortiumGraph.Plugins.Runner.Protocol;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// The plugins of one folder (one sub-folder per plugin, holding <c>Name.dll</c> and its dependencies),
/// each in a runner process of its own. For each build it hashes the folder, starts a runner that reads
/// the manifest, and only when <paramref name="approve"/> finds the build approved lets the runner run
/// the plugin's Register; unapproved builds are listed as pending. The server never loads plugin code.
/// Disposing stops the runners once their calls in flight finished.
/// </summary>
public sealed class PluginFolder : IAsyncDisposable
{
    private readonly List<PluginRunner> _runners = [];

    private PluginFolder(string path) => Path = path;

    public string Path { get; }
    public List<LoadedPlugin> Loaded { get; } = [];
    public List<PendingPlugin> Pending { get; } = [];
    public List<RejectedPlugin> Rejected { get; } = [];
    public IReadOnlyList<PluginRunner> Runners
    {
        get { lock (_runners) return [.. _runners]; }
    }

    /// <param name="admit">Decides on a build from its manifest and folder hash: rejected (a bad manifest), pending (not approved) or approved.</param>
    public static async Task<PluginFolder> LoadAsync(string path, PluginOptions options, PluginSandbox? sandbox, string? sandboxProblem,
        Func<Plugins.PluginManifest, string, Task<PluginAdmission>> admit, ILogger log)
    {
        var folder = new PluginFolder(path);
        if (!Directory.Exists(path)) return folder;
        var directories = Directory.GetDirectories(path).Order(StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(directories.Select(d => LoadOneAsync(d, options, sandbox, sandboxProblem, admit, log)));
        foreach (var (runner, loaded, pending, rejected) in results)
        {
            if (runner is not null) folder._runners.Add(runner);
            if (loaded is not null) folder.Loaded.Add(loaded);
            if (pending is not null) folder.Pending.Add(pending);
            if (rejected is not null) folder.Rejected.Add(rejected);
        }
        return folder;
    }

    private static async Task<(PluginRunner?, LoadedPlugin?, PendingPlugin?, RejectedPlugin?)> LoadOneAsync(string directory, PluginOptions options,
        PluginSandbox? sandbox, string? sandboxProblem, Func<Plugins.PluginManifest, string, Task<PluginAdmission>> admit, ILogger log)
    {
        var name = System.IO.Path.GetFileName(directory);
        if (!File.Exists(System.IO.Path.Combine(directory, name + ".dll")))
            return (null, null, null, new RejectedPlugin(directory, null, null,
                $"No {name}.dll in {directory}: a plugin folder holds the plugin's build output, with the folder named after its assembly."));
        if (sandbox is null) return (null, null, null, new RejectedPlugin(directory, null, null, sandboxProblem!));

        var sha256 = PluginBuild.Sha256(directory);
        PluginRunner runner;
        ManifestReply reply;
        try
        {
            (runner, reply) = await PluginRunner.StartAsync(directory, options, sandbox, log);
        }
        catch (PluginFailedException e)
        {
            return (null, null, null, new RejectedPlugin(directory, null, null, e.Message) { Sha256 = sha256 });
        }
        if (reply is not { Manifest: { } manifest, SdkVersion: { } sdk } || reply.Problem is not null)
        {
            await runner.DisposeAsync();
            return (null, null, null, new RejectedPlugin(directory, reply.Manifest?.Key, reply.Manifest?.Version, reply.Problem ?? "The runner read no manifest.") { Sha256 = sha256 });
        }
        PluginAdmission admission;
        try
        {
            admission = await admit(manifest, sha256);
        }
        catch
        {
            // The database could not be read (or was never ready): the runner must not outlive the load.
            await runner.DisposeAsync();
            throw;
        }
        if (admission.Problem is not null)
        {
            // A bad manifest stops the build before its Register runs.
            await runner.DisposeAsync();
            return (null, null, null, new RejectedPlugin(directory, manifest.Key, manifest.Version, admission.Problem) { Sha256 = sha256 });
        }
        if (admission.Approval is not { } approval)
        {
            // Nothing of an unapproved build runs beyond its constructor and Manifest, inside its runner.
            await runner.DisposeAsync();
            return (null, null, new PendingPlugin(directory, manifest, sha256, Version.Parse(sdk)), null);
        }
        try
        {
            var declared = (await runner.RegisterAsync()).ToBuilder(
                (kind, field) => (views, stored, context) => runner.ComputeAsync(kind.Name, field, views, stored, context),
                (rule, _) => (change, context) => runner.CheckAsync(rule, change, context));
            return (runner, new LoadedPlugin
            {
                Source = directory, Manifest = manifest, Declared = declared, SdkVersion = Version.Parse(sdk), Sha256 = sha256, Approval = approval, Runner = runner,
            }, null, null);
        }
        catch (Exception e) when (e is PluginFailedException or InvalidDataException)
        {
            await runner.DisposeAsync();
            return (null, null, null, new RejectedPlugin(directory, manifest.Key, manifest.Version, e.Message) { Sha256 = sha256 });
        }
    }

    /// <summary>Stops a runner whose plugin did not make it into the schema.</summary>
    public async Task RetireAsync(PluginRunner runner)
    {
        lock (_runners) _runners.Remove(runner);
        await runner.DisposeAsync();
    }

    /// <summary>Stops every runner; safe to call more than once, and while a retirement runs.</summary>
    public async ValueTask DisposeAsync()
    {
        PluginRunner[] runners;
        lock (_runners)
        {
            runners = [.. _runners];
            _runners.Clear();
        }
        await Task.WhenAll(runners.Select(r => r.DisposeAsync().AsTask()));
    }
}
