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
            var plugins = PluginStatus.Of(schema.Schema.Plugins);
            var serving = plugins.Where(p => p.State == PluginState.Serving).ToList();
            var pending = plugins.Where(p => p.State == PluginState.PendingApproval).ToList();
            var rejected = plugins.Where(p => p.State is PluginState.Rejected or PluginState.Failed).ToList();
            var data = new Dictionary<string, object>
            {
                ["loaded"] = serving.Select(p => $"{p.Key} {p.Version}").ToArray(),
                ["pending"] = pending.Select(p => $"{p.Key} {p.Version}: SHA-256 {p.Sha256}").ToArray(),
                ["rejected"] = rejected.Select(p => $"{p.Source}: {p.Reason}").ToArray(),
                ["sandbox"] = schema.Sandbox,
                ["path"] = schema.PluginPath,
            };
            // A rejected or failed plugin degrades, not fails, readiness: the core and the other plugins serve. A build awaiting approval is normal.
            return Task.FromResult(rejected.Count == 0
                ? HealthCheckResult.Healthy($"{serving.Count} plugins serving, {pending.Count} awaiting approval.", data)
                : HealthCheckResult.Degraded($"{serving.Count} plugins serving, {pending.Count} awaiting approval, {rejected.Count} rejected or failed.", data: data));
        }
    }
}
