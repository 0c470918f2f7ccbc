namespace ConsortiumGraph.PluginHost;

/// <summary>A plugin's code threw, or returned what its declarations do not allow.</summary>
public sealed class PluginFailedException(string message, Exception inner) : Exception(message, inner);
