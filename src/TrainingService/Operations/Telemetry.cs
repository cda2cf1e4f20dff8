using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Training.Service.Security;
using Training.Service.Storage;

namespace Training.Service.Operations;

/// <summary>
/// OpenTelemetry: traces of every call (ASP.NET Core's instrumentation) and metrics — ASP.NET Core's and the service's
/// own meters (<see cref="ServiceMetrics"/>, <see cref="WriterMetrics"/>). Exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a per-signal one) is set, configured by the other standard <c>OTEL_*</c>
/// variables; metrics also as a Prometheus scrape endpoint when <c>Telemetry:PrometheusUrl</c> is set (its own
/// listener, apart from the gRPC endpoints). With neither, nothing is collected beyond the meters themselves.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "training-service";
    public const string PrometheusUrlKey = "Telemetry:PrometheusUrl";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceMetrics>();
        var configuration = builder.Configuration;
        bool Set(string key) => !string.IsNullOrWhiteSpace(configuration[key]);
        var otlpTraces = Set("OTEL_EXPORTER_OTLP_ENDPOINT") || Set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var otlpMetrics = Set("OTEL_EXPORTER_OTLP_ENDPOINT") || Set("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        var prometheus = PrometheusPrefix(configuration[PrometheusUrlKey]);
        if (!otlpTraces && !otlpMetrics && prometheus is null) return;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()));
        if (otlpTraces) telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter());
        if (otlpMetrics || prometheus is not null)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(ServiceMetrics.MeterName, WriterMetrics.MeterName);
                if (otlpMetrics) metrics.AddOtlpExporter();
                if (prometheus is not null)
                {
                    metrics.AddPrometheusHttpListener(listener =>
                    {
                        listener.Host = prometheus.Host;
                        listener.Port = prometheus.Port;
                    });
                }
            });
        }
    }

    /// <summary>The scrape listener's address (http://host:port/), or a refusal naming the key.</summary>
    private static Uri? PrometheusPrefix(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.AbsolutePath != "/")
            throw new InvalidSettingException($"{PrometheusUrlKey} must be an http://host:port/ address to serve /metrics on (it is \"{url}\").");
        return uri;
    }
}
