using System.Reflection;
using System.Text.Json;
using ConsortiumGraph.Plugins.Runner.Protocol;
using McMaster.NETCore.Plugins;

namespace ConsortiumGraph.Plugins.Runner;

/// <summary>
/// The one plugin this runner runs: loaded from its folder with McMaster.NETCore.Plugins (sharing the
/// SDK with the runner), created and asked for its manifest when the server asks, registered only
/// when the server says so (after it checked the manifest and the approval), then computing fields
/// and checking rules on the server's calls.
/// </summary>
public sealed class RunnerPlugin(string folder, RunnerChannel channel)
{
    private IDistrictPlugin? _instance;
    private PluginBuilder? _declared;

    public async Task<object?> HandleAsync(string method, JsonElement args, long id, long parent, CancellationToken cancellationToken)
    {
        switch (method)
        {
            case Wire.Manifest:
                return ReadManifest();
            case Wire.Register:
                if (_instance is null) throw new InvalidOperationException("The manifest was not read.");
                if (_declared is null)
                {
                    var declared = new PluginBuilder();
                    _instance.Register(declared);
                    _declared = declared;
                }
                return PluginDeclarations.Of(_declared);
            case Wire.Compute:
            {
                var call = args.Deserialize<ComputeCall>(Wire.Options)!;
                var kind = EntityKind.Find(call.Entity) ?? throw new InvalidOperationException($"`{call.Entity}` is not a core type plugins extend.");
                var field = kind.Declared(Declared).FirstOrDefault(f => f.Name == call.Field) ?? throw new InvalidOperationException($"No field `{call.Field}` on {call.Entity}.");
                var compute = kind.ComputeOf(field) ?? throw new InvalidOperationException($"`{call.Field}` is a stored field.");
                var views = kind.ReadViews(call.Views);
                if (call.Stored.Count != views.Count) throw new InvalidOperationException("One set of stored values per entity.");
                var values = await compute(views, call.Stored, new PluginContext(new RemoteConsortiumData(channel, id), call.Today, cancellationToken));
                return new WireValues(values ?? []);
            }
            case Wire.Check:
            {
                var call = args.Deserialize<CheckCall>(Wire.Options)!;
                var rule = Declared.Rules.FirstOrDefault(r => r.Name == call.Rule && r.ChangeType.Name == call.Change)
                    ?? throw new InvalidOperationException($"No rule `{call.Rule}` on {call.Change}.");
                var change = ProposedChanges.Read(call.Change, call.Proposed);
                var violations = await rule.Check(change, new RuleContext(new RemoteConsortiumData(channel, id), call.Today, call.DistrictCode, cancellationToken));
                return (violations ?? []).Select(v => new ViolationReply(v.Message, v.Field, v.Severity)).ToList();
            }
            default:
                throw new InvalidOperationException($"`{method}` is not a call the runner answers.");
        }
    }

    private PluginBuilder Declared => _declared ?? throw new InvalidOperationException("The plugin is not registered.");

    private ManifestReply ReadManifest()
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var assemblyPath = Path.Combine(folder, name + ".dll");
        if (!File.Exists(assemblyPath))
            return new(null, null, $"No {name}.dll in {name}/: a plugin folder holds the plugin's build output, with the folder named after its assembly.");
        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, sharedTypes: [typeof(IDistrictPlugin)], config =>
            {
                // Anything the runner has (the SDK, the BCL) is the runner's copy, so types match across the boundary.
                config.PreferSharedTypes = true;
            });
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e)
        {
            return new(null, null, $"{name}.dll could not be loaded ({e.GetType().Name}: {e.Message}).");
        }

        var sdk = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == PluginSdk.AssemblyName);
        if (sdk?.Version is null)
            return new(null, null, $"{name}.dll does not reference {PluginSdk.AssemblyName}; plugins are built against the SDK.");
        if (SdkMismatch(sdk.Version) is { } mismatch) return new(null, sdk.Version.ToString(3), mismatch);

        Type[] entryPoints;
        try
        {
            entryPoints = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDistrictPlugin).IsAssignableFrom(t)).ToArray();
        }
        catch (ReflectionTypeLoadException e)
        {
            return new(null, sdk.Version.ToString(3), $"{name}.dll has types that cannot be loaded: {e.LoaderExceptions.FirstOrDefault()?.Message}");
        }
        if (entryPoints.Length != 1)
            return new(null, sdk.Version.ToString(3), $"{name}.dll must have exactly one public class implementing {nameof(IDistrictPlugin)}; it has {entryPoints.Length}.");
        try
        {
            _instance = (IDistrictPlugin)Activator.CreateInstance(entryPoints[0])!;
            return new(_instance.Manifest ?? throw new InvalidOperationException("Manifest is null."), sdk.Version.ToString(3), null);
        }
        catch (Exception e)
        {
            var error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            return new(null, sdk.Version.ToString(3), $"The plugin threw while loading ({error.GetType().Name}: {error.Message}). Fix its constructor or Manifest.");
        }
    }

    /// <summary>Whether a plugin built against <paramref name="built"/> runs on this SDK; null when it does, else why not.</summary>
    public static string? SdkMismatch(Version built)
    {
        var host = PluginSdk.Version;
        if (built.Major != host.Major)
            return $"It was built against {PluginSdk.AssemblyName} {built.ToString(3)}, but this server runs SDK {host.ToString(3)}: rebuild it against SDK {host.Major}.x.";
        if (built.Minor > host.Minor)
            return $"It was built against {PluginSdk.AssemblyName} {built.ToString(3)}, newer than this server's SDK {host.ToString(3)}: upgrade the server or build against SDK {host.Major}.{host.Minor}.";
        return null;
    }
}
