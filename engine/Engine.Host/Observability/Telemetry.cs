using Engine.Events.Diagnostics;
using Engine.GraphQL.Diagnostics;
using Engine.Runtime.Context;
using Engine.Runtime.Diagnostics;
using NATS.Client.OpenTelemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Engine.Host.Observability;

/// <summary>
/// The engine's OpenTelemetry set-up (SPEC §7): metrics always, scraped as Prometheus text at <c>/metrics</c> (and
/// pushed by OTLP when an endpoint is configured); traces only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or its
/// traces-only variant) is set, so an engine that exports nothing pays nothing for spans.
/// </summary>
public static class Telemetry
{
    /// <summary>The service name spans and metrics carry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "engine";

    /// <summary>The configuration key that puts <c>/metrics</c> behind the admin role (environment <c>Engine__MetricsRequireAdmin</c>).</summary>
    public const string MetricsRequireAdminKey = "Engine:MetricsRequireAdmin";

    /// <summary>The Prometheus scraping path.</summary>
    public const string MetricsPath = "/metrics";

    private static readonly string[] ProbePaths = ["/healthz", "/readyz", MetricsPath];

    /// <summary>Registers the tracer and meter providers.</summary>
    public static void AddEngineTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = IsSet(builder.Configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        var otlpTraces = otlp || IsSet(builder.Configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var otlpMetrics = otlp || IsSet(builder.Configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics
                .AddMeter(RequestMetrics.MeterName, RuntimeMetrics.MeterName, OutboxGauges.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                // No cached scrape (300 ms by default): a scrape right after a request shows it; Prometheus scrapes seconds apart.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlpMetrics)
            {
                metrics.AddOtlpExporter();
            }
        });
        if (otlpTraces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddSource(GraphQLTelemetry.ActivitySourceName)
                .AddNpgsql()
                .AddNatsClientInstrumentation()
                .AddOtlpExporter());
        }
    }

    /// <summary>
    /// Serves <c>/metrics</c> on the HTTP port: open by default, like the probes (an operations endpoint reached from
    /// inside the cluster); <c>Engine:MetricsRequireAdmin=true</c> asks for an admin token.
    /// </summary>
    public static void MapMetrics(this WebApplication app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (app.Configuration.GetValue(MetricsRequireAdminKey, false))
        {
            endpoint.AddEndpointFilter(async (context, next) =>
            {
                var caller = context.HttpContext.RequestServices.GetRequiredService<IRequestContextProvider>().GetContext(context.HttpContext);
                if (!caller.IsAdmin)
                {
                    return Results.Text("metrics are for the admin role only (Engine:MetricsRequireAdmin)",
                        statusCode: caller.Subject is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden);
                }

                return await next(context).ConfigureAwait(false);
            });
        }
    }

    /// <summary>
    /// Names the data source (the pool name in Npgsql's metrics, instead of the connection string) and traces only
    /// commands that run inside a traced operation: the relay's and the metadata poller's background queries would
    /// otherwise be most of the spans.
    /// </summary>
    public static NpgsqlDataSourceBuilder WithEngineTelemetry(this NpgsqlDataSourceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Name = ServiceName;
        return builder.ConfigureTracing(o => o
            .ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null)
            .ConfigureBatchFilter(_ => System.Diagnostics.Activity.Current is not null)
            .EnableFirstResponseEvent(false));
    }

    private static bool IsProbe(PathString path)
    {
        foreach (var probe in ProbePaths)
        {
            if (path.Equals(probe, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
