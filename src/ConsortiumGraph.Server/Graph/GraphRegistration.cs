using ConsortiumGraph.Data;
using ConsortiumGraph.Decisions;
using ConsortiumGraph.Events;
using ConsortiumGraph.Access;
using ConsortiumGraph.Operations;
using ConsortiumGraph.Reporting;
using ConsortiumGraph.PluginHost;
using GraphQL;

namespace ConsortiumGraph.Graph;

public static class GraphRegistration
{
    /// <summary>Everything the server needs, registered once, by concern; the server, the test kit and the bench call it.</summary>
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
        services.AddTransient(typeof(InputType<>));
        services.AddSingleton(configuration.GetSection("Plugins").Get<PluginOptions>() ?? new PluginOptions());
        services.AddSingleton<LiveSchema>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSchema>());
        services.AddSingleton<ConsortiumData>();
        services.AddConsortiumAuthentication(configuration);
        services.AddConsortiumHealth();
        services.AddConsortiumCompression(configuration);
        services.AddConsortiumTelemetry(configuration);
        services.AddConsortiumEvents(configuration);
        services.AddConsortiumCors(configuration);
        services.AddConsortiumGraphQL(configuration);
        return services;
    }

    /// <summary>GraphQL execution: request limits and their rules, persisted documents, the document cache, the one execution path.</summary>
    public static IServiceCollection AddConsortiumGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("GraphQL:Limits").Get<RequestLimits>() ?? new RequestLimits();
        services.AddSingleton(limits);
        var persisted = configuration.GetSection("GraphQL:PersistedDocuments").Get<PersistedDocumentOptions>() ?? new PersistedDocumentOptions();
        services.AddSingleton(persisted);
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton(configuration.GetSection("GraphQL:DocumentCache").Get<DocumentCacheOptions>() ?? new DocumentCacheOptions());
        services.AddSingleton<GraphQLExecution>();
        services.AddGraphQL(graphQL => graphQL
            // The schema is not a DI singleton: LiveSchema builds one per plugin set and swaps it.
            .AddSystemTextJson()
            .AddGraphTypes(typeof(ConsortiumSchema).Assembly)
            // Who may read what, declared on the types (Access/FieldAccess.cs), and what one request may ask.
            .AddValidationRule<FieldAccessRule>(useForCachedDocuments: true)
            .AddValidationRule(new QueryShapeRule(limits))
            .AddValidationRule(new ListLimitRule(limits), useForCachedDocuments: true)
            .AddValidationRule<QueriesOnlyRule>(useForCachedDocuments: true)
            .AddValidationRule<IntrospectionRule>()
            .AddValidationRule<Operations.DeprecatedUsageRule>(useForCachedDocuments: true)
            // Subscriptions run each event as a query on the event (Events/GraphQLWebSocket.cs), not as GraphQL.NET streams.
            .AddExecutionStrategy<GraphQL.Execution.ParallelExecutionStrategy>(GraphQLParser.AST.OperationType.Subscription)
            .AddComplexityAnalyzer(o =>
            {
                o.MaxDepth = limits.MaxDepth;
                o.MaxComplexity = limits.MaxComplexity;
                o.DefaultComplexityImpactDelegate = IntrospectionRule.Pricing(o.DefaultComplexityImpactDelegate);
                // The operation's span (GraphQLEndpoint) carries what the analysis found.
                o.ValidateComplexityDelegate = context =>
                {
                    System.Diagnostics.Activity.Current?.SetTag("graphql.document.complexity", context.TotalImpact).SetTag("graphql.document.depth", context.MaxDepth);
                    return Task.CompletedTask;
                };
            })
            .UsePersistedDocuments(o =>
            {
                o.AllowOnlyPersistedDocuments = persisted.OnlyPersisted;
                o.GetQueryDelegate = (execution, prefix, payload) =>
                    ValueTask.FromResult(execution.RequestServices!.GetRequiredService<PersistedDocumentStore>().Find(prefix, payload));
            })
            .AddErrorInfoProvider(o =>
            {
                o.ExposeExceptionDetails = false;
                o.ExposeCode = true;
                o.ExposeCodes = false;
                o.ExposeData = false;
            })
            .ConfigureExecution<DocumentCache>()
            .ConfigureExecutionOptions(o =>
            {
                // The complexity of a cached document still depends on its variables (first: $n).
                o.CachedDocumentValidationRules = [.. o.CachedDocumentValidationRules ?? [], o.RequestServices!.GetRequiredService<GraphQL.Validation.Rules.Custom.ComplexityValidationRule>()];
                if (!limits.Introspection) o.ValidationRules = [.. o.ValidationRules ?? GraphQL.Validation.DocumentValidator.CoreRules, GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule.Instance];
            })
            .AddUnhandledExceptionHandler(context =>
            {
                context.ExecutionOptions.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("ConsortiumGraph.GraphQL")
                    .LogError(context.OriginalException, "Unhandled error in {Field}", context.FieldContext?.FieldDefinition.Name ?? "the request");
                context.ErrorMessage = "The server could not resolve this field. The error was logged.";
            }));
        return services;
    }

    /// <summary>JSON shrinks 5-10x; the fastest level costs little CPU. <c>Compression:Enabled=false</c> leaves it to a proxy.</summary>
    public static IServiceCollection AddConsortiumCompression(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Compression:Enabled", true))
        {
            services.AddResponseCompression(o =>
            {
                // Credentials are bearer tokens and API keys, never cookies, so no other site can make a browser send
                // authenticated requests and compare compressed sizes (BREACH's precondition).
                o.EnableForHttps = true;
                o.MimeTypes = [GraphQLEndpoint.GraphQLResponse, "application/json", "text/csv", "text/html", "text/javascript", "text/css"];
            });
            services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
            services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        }
        return services;
    }

    /// <summary><c>Cors:Origins</c>: the front ends allowed to call from a browser; none by default.</summary>
    public static IServiceCollection AddConsortiumCors(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            policy.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization", Authentication.ApiKeyHeader);
        }));

    /// <summary>The request pipeline and endpoints; the server and the benchmark host both use it.</summary>
    public static WebApplication UseConsortiumGraph(this WebApplication app)
    {
        // Trusted documents are read at start, so a broken or tampered manifest stops the server instead of the first request that needs it.
        app.Services.GetRequiredService<Access.PersistedDocumentStore>();
        if (app.Configuration.GetValue("Compression:Enabled", true)) app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseCors();
        app.UseWebSockets();
        app.UseAuthentication();
        app.MapConsortiumGraph();
        app.MapReports();
        app.MapConsortiumHealth();
        app.MapDevTokens();
        return app;
    }
}
