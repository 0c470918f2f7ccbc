namespace ConsortiumGraph.PluginHost;

/// <summary>The plugins one schema is built from: those that passed composition, and those rejected, with reasons.</summary>
public sealed class PluginSet(IReadOnlyList<ComposedPlugin> plugins, IReadOnlyList<RejectedPlugin> rejected)
{
    public static PluginSet Empty { get; } = new([], []);

    public IReadOnlyList<ComposedPlugin> Plugins { get; } = plugins;
    public IReadOnlyList<RejectedPlugin> Rejected { get; } = rejected;

    public ComposedPlugin? Find(string key) => Plugins.FirstOrDefault(p => p.Key == key);

    /// <summary>The plugins whose rules apply to a change involving <paramref name="districtCode"/>.</summary>
    public IEnumerable<ComposedPlugin> SpeakingFor(string districtCode) => Plugins.Where(p => p.Districts.ContainsKey(districtCode));
}
