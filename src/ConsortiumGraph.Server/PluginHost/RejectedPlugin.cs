namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin the host did not load or compose, and why: listed by the <c>plugins</c> query and logged.</summary>
public sealed record RejectedPlugin(string Source, string? Key, string? Version, string Reason)
{
    public string? Sha256 { get; init; }
}
