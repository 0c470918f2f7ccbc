using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ConsortiumGraph.Operations;

public enum TelemetryExporter { None, Console, Otlp }

/// <summary><c>Telemetry:*</c>: where traces and metrics go. None by default; Console to read them, Otlp for a collector.</summary>
public sealed class TelemetryOptions
{
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;
    /// <summary>The collector's OTLP endpoint (gRPC, e.g. http://collector:4317); the exporter's default when unset.</summary>
    public string? OtlpEndpoint { get; set; }
}

/// <summary>
/// The server's own spans and metrics: one span per GraphQL operation (its name, type, complexity,
/// depth and error count), counters of operations, SQL statements and deprecated fields in use, and operation duration;
/// with ASP.NET Core's and Npgsql's, exported as <see cref="TelemetryOptions"/> says.
/// </summary>
public static class Telemetry
{
    public const string Name = "ConsortiumGraph";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);
    public static readonly Counter<long> Operations = Meter.CreateCounter<long>("consortiumgraph.graphql.operations", description: "GraphQL operations executed, by type and outcome.");
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("consortiumgraph.graphql.duration", "ms", "Time to execute a GraphQL operation.");
    public static readonly Counter<long> DeprecatedFields = Meter.CreateCounter<long>("consortiumgraph.graphql.deprecated_fields",
        description: "Requests selecting a deprecated field, by field (graphql.field: Type.field) and operation name: when it reaches zero, the field can go.");
    public static readonly Counter<long> Statements = Meter.CreateCounter<long>("consortiumgraph.db.statements", description: "SQL statements sent to the database.");
    public static readonly Counter<long> DocumentCache = Meter.CreateCounter<long>("consortiumgraph.graphql.document_cache", description: "Operations whose document was found (hit=true) or not in the parsed-and-validated document cache.");

    public static IServiceCollection AddConsortiumTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter == TelemetryExporter.None) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("consortiumgraph"))
            .WithTracing(t =>
            {
                t.AddSource(Name).AddSource("Npgsql").AddAspNetCoreInstrumentation();
                if (options.Exporter == TelemetryExporter.Console) t.AddConsoleExporter();
                else t.AddOtlpExporter(o => { if (options.OtlpEndpoint is { } endpoint) o.Endpoint = new Uri(endpoint); });
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name).AddAspNetCoreInstrumentation();
                if (options.Exporter == TelemetryExporter.Console) m.AddConsoleExporter();
                else m.AddOtlpExporter(o => { if (options.OtlpEndpoint is { } endpoint) o.Endpoint = new Uri(endpoint); });
            });
        return services;
    }
}
