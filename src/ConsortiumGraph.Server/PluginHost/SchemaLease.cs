using ConsortiumGraph.Graph;

namespace ConsortiumGraph.PluginHost;

/// <summary>The schema one request runs on, held until the request is done so its plugins' runners stay up.</summary>
public readonly struct SchemaLease : IDisposable
{
    private readonly LiveSchema.Composition _composition;

    internal SchemaLease(LiveSchema.Composition composition) => _composition = composition;

    public ConsortiumSchema Schema => _composition.Schema;

    public void Dispose() => _composition?.Exit();
}
