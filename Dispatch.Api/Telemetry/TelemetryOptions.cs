namespace Dispatch.Api.Telemetry;

/// <summary>
/// Configuration section "Telemetry": OpenTelemetry metrics and traces. Nothing is exported unless
/// asked for: the Prometheus scrape endpoint is off by default, and OTLP runs only with an endpoint.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public PrometheusOptions Prometheus { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>How often the gauges read from the database (calls waiting, units by status) are refreshed.</summary>
    public int SnapshotSeconds { get; set; } = 5;

    /// <summary>Metrics are collected when something reads them.</summary>
    public bool MetricsOn => Prometheus.Enabled || Otlp.On;

    public sealed class PrometheusOptions
    {
        public bool Enabled { get; set; }

        /// <summary>Where the scrape endpoint answers.</summary>
        public string Path { get; set; } = "/metrics";

        /// <summary>
        /// Addresses or CIDR networks (e.g. the Prometheus server, <c>10.0.0.7</c> or
        /// <c>10.0.0.0/24</c>) that may scrape without signing in. Behind nginx the address is the
        /// client's as nginx forwards it (ForwardedHeaders), so loopback stands for this machine only.
        /// </summary>
        public List<string> AllowAnonymousFrom { get; set; } = [];

        /// <summary>Signed-in roles that may read the endpoint from any address; none listed = admin.</summary>
        /// <remarks>Empty by default: the configuration binder adds to a list, so a default entry could not be replaced.</remarks>
        public List<string> Roles { get; set; } = [];

        public IReadOnlyList<string> EffectiveRoles => Roles.Count > 0 ? Roles : [Auth.Roles.Admin];
    }

    public sealed class OtlpOptions
    {
        /// <summary>The collector, e.g. <c>http://otel-collector:4317</c>; empty = no OTLP export.</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
        public string Protocol { get; set; } = "grpc";

        public bool On => !string.IsNullOrWhiteSpace(Endpoint);
    }
}
