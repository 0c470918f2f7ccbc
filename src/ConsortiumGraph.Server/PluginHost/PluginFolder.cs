using System.Reflection;
using ConsortiumGraph.Plugins;
using McMaster.NETCore.Plugins;

namespace ConsortiumGraph.PluginHost;

/// <summary>
/// The plugins of one folder (one sub-folder per plugin, holding <c>Name.dll</c> and its dependencies),
/// each in a collectible load context of its own that shares the SDK with the host. This is the only
/// class that knows McMaster.NETCore.Plugins. Disposing unloads the contexts; code still running in
/// them (a request in flight on the previous schema) finishes first, as unloading waits for it.
/// </summary>
public sealed class PluginFolder : IDisposable
{
    private readonly List<PluginLoader> _loaders = [];

    private PluginFolder(string path) => Path = path;

    public string Path { get; }
    public List<LoadedPlugin> Loaded { get; } = [];
    public List<RejectedPlugin> Rejected { get; } = [];

    /// <summary>Weak references to the load contexts, so tests can show they are collected after an unload.</summary>
    public IReadOnlyList<WeakReference> LoadContexts => _loaders.Select(l => new WeakReference(l.LoadContext)).ToList();

    public static PluginFolder Load(string path)
    {
        var folder = new PluginFolder(path);
        if (!Directory.Exists(path)) return folder;
        foreach (var directory in Directory.GetDirectories(path).Order(StringComparer.Ordinal))
            folder.LoadOne(directory);
        return folder;
    }

    private void LoadOne(string directory)
    {
        var name = System.IO.Path.GetFileName(directory);
        var assemblyPath = System.IO.Path.Combine(directory, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            Rejected.Add(new RejectedPlugin(directory, null, null,
                $"No {name}.dll in {directory}: a plugin folder holds the plugin's build output, with the folder named after its assembly."));
            return;
        }

        PluginLoader loader;
        Assembly assembly;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, sharedTypes: [typeof(IDistrictPlugin)], config =>
            {
                // Anything the host has (the SDK, the BCL) is the host's copy, so types match across the boundary.
                config.PreferSharedTypes = true;
                // Read into memory so the files can be replaced while the server runs.
                config.LoadInMemory = true;
            });
            _loaders.Add(loader);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e)
        {
            Rejected.Add(new RejectedPlugin(directory, null, null, $"{name}.dll could not be loaded ({e.GetType().Name}: {e.Message})."));
            return;
        }

        var sdk = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == PluginSdk.AssemblyName);
        if (sdk?.Version is null)
        {
            Rejected.Add(new RejectedPlugin(directory, null, null, $"{name}.dll does not reference {PluginSdk.AssemblyName}; plugins are built against the SDK."));
            return;
        }
        if (LoadedPlugin.SdkMismatch(sdk.Version) is { } mismatch)
        {
            Rejected.Add(new RejectedPlugin(directory, null, null, mismatch));
            return;
        }

        Type[] entryPoints;
        try
        {
            entryPoints = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDistrictPlugin).IsAssignableFrom(t)).ToArray();
        }
        catch (ReflectionTypeLoadException e)
        {
            Rejected.Add(new RejectedPlugin(directory, null, null, $"{name}.dll has types that cannot be loaded: {e.LoaderExceptions.FirstOrDefault()?.Message}"));
            return;
        }
        if (entryPoints.Length != 1)
        {
            Rejected.Add(new RejectedPlugin(directory, null, null,
                $"{name}.dll must have exactly one public class implementing {nameof(IDistrictPlugin)}; it has {entryPoints.Length}."));
            return;
        }

        if (LoadedPlugin.TryCreate(() => (IDistrictPlugin)Activator.CreateInstance(entryPoints[0])!, directory, sdk.Version, out var rejected) is { } plugin)
            Loaded.Add(plugin);
        else
            Rejected.Add(rejected!);
    }

    public void Dispose()
    {
        foreach (var loader in _loaders)
            loader.Dispose();
        _loaders.Clear();
    }
}
