namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>The other end answered a call with an error.</summary>
public sealed class RemoteCallException(string message, string? code = null) : Exception(message)
{
    /// <summary>A machine-readable reason, when the other end gave one.</summary>
    public string? Code { get; } = code;
}
