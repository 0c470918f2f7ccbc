namespace ConsortiumGraph.Events;

/// <summary><c>Subscriptions:*</c>: the WebSocket connections an instance takes, the subscriptions each, and how far a subscriber may fall behind.</summary>
public sealed class SubscriptionOptions
{
    /// <summary>Signed-in connections (and, separately, connections not yet initialised); more get 503, or close 1013 at connection_init.</summary>
    public int MaxConnections { get; set; } = 1000;
    /// <summary>Connections initialised without credentials, in all; more close with 1013 at connection_init. They never take signed-in slots.</summary>
    public int MaxAnonymousConnections { get; set; } = 100;
    /// <summary>Anonymous connections from one client address.</summary>
    public int MaxAnonymousConnectionsPerAddress { get; set; } = 10;
    /// <summary>Connections from one address that have not sent connection_init yet; more get 503.</summary>
    public int MaxPendingConnectionsPerAddress { get; set; } = 20;
    public int MaxSubscriptionsPerConnection { get; set; } = 50;
    /// <summary>
    /// Messages waiting to be sent on one connection (and events waiting to run for one subscription).
    /// A subscriber that falls further behind is disconnected with close code 1008, and its memory freed.
    /// </summary>
    public int MaxQueuedMessages { get; set; } = 256;
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
