using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dispatch.Api.Telemetry;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core, Kestrel, SignalR, runtime, HTTP client, Npgsql, and the
/// system's own <see cref="DispatchMetrics"/>) for the Prometheus endpoint and/or OTLP; traces
/// (requests, HTTP client, every database statement) for OTLP. Off unless configured.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "psc119-dispatch";

    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
    ];

    public static void AddDispatchTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.Prometheus.AllowAnonymousFrom.All(a => MetricsAccess.Parse(a) is not null),
                "Telemetry:Prometheus:AllowAnonymousFrom holds an entry that is neither an IP address nor a CIDR network such as 10.0.0.0/24.")
            .Validate(o => o.Prometheus.Path.StartsWith('/'), "Telemetry:Prometheus:Path must start with '/'.")
            .Validate(o => !o.Otlp.On || Uri.TryCreate(o.Otlp.Endpoint, UriKind.Absolute, out _), "Telemetry:Otlp:Endpoint must be an absolute URL.")
            .Validate(o => o.Otlp.Protocol is "grpc" or "http/protobuf", "Telemetry:Otlp:Protocol must be grpc or http/protobuf.")
            .ValidateOnStart();
        services.AddSingleton<DispatchSnapshot>();
        services.AddSingleton<DispatchMetrics>();
        services.AddSingleton<IAuthorizationHandler, MetricsReaderHandler>();
        services.AddAuthorizationBuilder().AddPolicy(MetricsAccess.Policy, p => p.AddRequirements(new MetricsReaderRequirement()));

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.MetricsOn) return;
        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName,
            serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()));
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(DispatchMetrics.MeterName)
                // ASP.NET Core's meters, named rather than all (AddAspNetCoreInstrumentation): the
                // memory pool, routing, authentication and authorization meters count on every
                // request or buffer and tell a PSC nothing its alerts use.
                .AddMeter(AspNetCoreMeters)
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation();
            if (options.Prometheus.Enabled)
            {
                metrics.AddPrometheusExporter(o =>
                {
                    o.ScrapeEndpointPath = options.Prometheus.Path;
                    // Each scrape sees the counters as they are now (only allowed readers get here).
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                });
            }
            if (options.Otlp.On) metrics.AddOtlpExporter(o => Otlp(o, options.Otlp, "v1/metrics"));
        });
        // Only when something reads the gauges does the database get asked for them. The meter
        // provider is built first, so that it listens before the snapshot starts the counter series.
        services.AddHostedService(sp =>
        {
            _ = sp.GetRequiredService<MeterProvider>();
            return sp.GetRequiredService<DispatchSnapshot>();
        });
        if (!options.Otlp.On) return; // traces have nowhere to go without a collector
        otel.WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(options.Prometheus.Path))
            .AddHttpClientInstrumentation()
            .AddNpgsql()
            .AddSource(DatabaseTracing.SourceName)
            .AddOtlpExporter(o => Otlp(o, options.Otlp, "v1/traces")));
    }

    /// <summary>Maps the scrape endpoint when <c>Telemetry:Prometheus:Enabled</c>; otherwise the path stays a 404.</summary>
    public static void MapDispatchMetrics(this WebApplication app)
    {
        var prometheus = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (!prometheus.Enabled) return;
        app.MapPrometheusScrapingEndpoint(prometheus.Path).RequireAuthorization(MetricsAccess.Policy).WithTags("Telemetry")
            .WithSummary("Prometheus metrics (deploy/metrics.md): Telemetry:Prometheus:AllowAnonymousFrom addresses, or a signed-in user of Telemetry:Prometheus:Roles.");
    }

    private static void Otlp(OtlpExporterOptions o, TelemetryOptions.OtlpOptions otlp, string httpPath)
    {
        var endpoint = new Uri(otlp.Endpoint!);
        if (otlp.Protocol == "http/protobuf")
        {
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            // Set in code, the HTTP endpoint is taken as the full URL: add the signal's path.
            o.Endpoint = endpoint.AbsolutePath is "/" or "" ? new Uri(endpoint, httpPath) : endpoint;
        }
        else
        {
            o.Protocol = OtlpExportProtocol.Grpc;
            o.Endpoint = endpoint;
        }
    }
}
