namespace ConsortiumGraph.PluginHost;

/// <summary>The plugins one schema is built from: those that passed composition, those rejected, with reasons, and those awaiting approval.</summary>
public sealed class PluginSet(IReadOnlyList<ComposedPlugin> plugins, IReadOnlyList<RejectedPlugin> rejected, IReadOnlyList<PendingPlugin>? pending = null)
{
    public static PluginSet Empty { get; } = new([], []);

    /// <summary>Builds that await approval: only their manifests were read.</summary>
    public IReadOnlyList<PendingPlugin> Pending { get; } = pending ?? [];

    public IReadOnlyList<ComposedPlugin> Plugins { get; } = plugins;
    public IReadOnlyList<RejectedPlugin> Rejected { get; } = rejected;

    public ComposedPlugin? Find(string key) => Plugins.FirstOrDefault(p => p.Key == key);

    /// <summary>The plugins whose rules apply to a change involving <paramref name="districtCode"/>.</summary>
    public IEnumerable<ComposedPlugin> SpeakingFor(string districtCode) => Plugins.Where(p => p.Districts.ContainsKey(districtCode));
}
