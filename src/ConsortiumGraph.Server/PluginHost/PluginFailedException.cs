namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin's code threw, returned what its declarations do not allow, ran out of time (<see cref="Code"/> PLUGIN_TIMEOUT), or its runner failed.</summary>
public sealed class PluginFailedException(string message, Exception? inner, string code = PluginFailedException.Failed) : Exception(message, inner)
{
    public const string Failed = "PLUGIN_FAILED", TimedOut = "PLUGIN_TIMEOUT";

    /// <summary>PLUGIN_FAILED or PLUGIN_TIMEOUT, as the client sees it.</summary>
    public string Code { get; } = code;
}
