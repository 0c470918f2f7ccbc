namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin's call took longer than its time budget; its runner was ended and starts again.</summary>
public sealed class PluginTimeoutException(string message, Exception inner) : Exception(message, inner);
