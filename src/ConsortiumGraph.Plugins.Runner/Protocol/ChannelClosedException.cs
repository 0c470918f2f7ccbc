namespace ConsortiumGraph.Plugins.Runner.Protocol;

/// <summary>The pipe closed (the other process ended) or carried something that is not a frame.</summary>
public sealed class ChannelClosedException(string message, Exception? inner) : Exception(message, inner);
