namespace ConsortiumGraph.PluginHost;

/// <summary>Today, as the domain counts days: the UTC date of the server clock (which tests move).</summary>
public static class Clock
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
