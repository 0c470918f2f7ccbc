using System.Text.Json;
using ConsortiumGraph.Data;
using ConsortiumGraph.PluginHost;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConsortiumGraph.Operations;

/// <summary>
/// <c>/health/live</c>: the process answers (for restarts). <c>/health/ready</c>: the database answers
/// and the schema is composed (for load balancers), with the loaded and rejected plugins listed.
/// </summary>
public static class Health
{
    public static IServiceCollection AddConsortiumHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: ["ready"])
            .AddCheck<PluginsCheck>("plugins", tags: ["ready"]);
        return services;
    }

    public static void MapConsortiumHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }));
    }

    private sealed class DatabaseCheck(IDbContextFactory<ConsortiumDb> databases) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await using var db = await databases.CreateDbContextAsync(timeout.Token);
                var provider = db.Database.ProviderName ?? "unknown";
                // A real round trip: CanConnect alone can succeed on an SQLite file that cannot be read.
                var districts = await db.Districts.CountAsync(timeout.Token);
                return HealthCheckResult.Healthy($"{provider} answers ({districts} districts).");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"The database does not answer: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private sealed class PluginsCheck(LiveSchema schema) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var plugins = schema.Schema.Plugins;
            var data = new Dictionary<string, object>
            {
                ["loaded"] = plugins.Plugins.Select(p => $"{p.Key} {p.Manifest.Version}").ToArray(),
                ["rejected"] = plugins.Rejected.Select(r => $"{Path.GetFileName(r.Source)}: {r.Reason}").ToArray(),
            };
            // A rejected plugin degrades, not fails, readiness: the core and the other plugins serve.
            return Task.FromResult(plugins.Rejected.Count == 0
                ? HealthCheckResult.Healthy($"{plugins.Plugins.Count} plugins loaded.", data)
                : HealthCheckResult.Degraded($"{plugins.Plugins.Count} plugins loaded, {plugins.Rejected.Count} rejected.", data: data));
        }
    }
}
