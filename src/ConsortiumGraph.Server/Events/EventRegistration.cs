namespace ConsortiumGraph.Events;

public static class EventRegistration
{
    /// <summary>Live updates: the event hub (and its PostgreSQL backplane when several instances serve), WebSocket slots and limits.</summary>
    public static IServiceCollection AddConsortiumEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var events = configuration.GetSection("Events").Get<EventOptions>() ?? new EventOptions();
        services.AddSingleton(events);
        services.AddSingleton<EventHub>();
        services.AddSingleton<SubscriptionGroups>();
        if (events.Backplane == EventBackplaneKind.PostgreSql)
        {
            services.AddSingleton<PostgreSqlBackplane>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlBackplane>());
        }
        services.AddSingleton(configuration.GetSection("Subscriptions").Get<SubscriptionOptions>() ?? new SubscriptionOptions());
        services.AddSingleton<WebSocketConnections>();
        return services;
    }
}
