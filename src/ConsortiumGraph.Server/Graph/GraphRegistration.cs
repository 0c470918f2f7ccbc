using ConsortiumGraph.Data;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.PluginHost;
using GraphQL;

namespace ConsortiumGraph.Graph;

public static class GraphRegistration
{
    /// <summary>Everything the server needs, registered once; the server and the tests both call it.</summary>
    public static IServiceCollection AddConsortiumGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConsortiumDatabase(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection("GraphQL:Paging").Get<PagingOptions>() ?? new PagingOptions());
        services.AddScoped<RequestLoaders>();
        services.AddSingleton<DecisionDeadlines>();
        services.AddHostedService(sp => sp.GetRequiredService<DecisionDeadlines>());

        // The generic graph types are closed per node type; the schema asks the container for each.
        services.AddTransient(typeof(ConnectionType<,>));
        services.AddTransient(typeof(EdgeType<,>));
        services.AddTransient(typeof(EntityPayloadType<,>));
        services.AddSingleton(configuration.GetSection("Plugins").Get<PluginOptions>() ?? new PluginOptions());
        services.AddSingleton<LiveSchema>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSchema>());
        services.AddSingleton<ConsortiumData>();

        services.AddGraphQL(graphQL => graphQL
            // The schema is not a DI singleton: LiveSchema builds one per plugin set and swaps it.
            .AddSystemTextJson()
            .AddGraphTypes(typeof(ConsortiumSchema).Assembly)
            .AddErrorInfoProvider(o =>
            {
                o.ExposeExceptionDetails = false;
                o.ExposeCode = true;
                o.ExposeCodes = false;
                o.ExposeData = false;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                context.ExecutionOptions.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("ConsortiumGraph.GraphQL")
                    .LogError(context.OriginalException, "Unhandled error in {Field}", context.FieldContext?.FieldDefinition.Name ?? "the request");
                context.ErrorMessage = "The server could not resolve this field. The error was logged.";
            }));
        return services;
    }
}
