namespace Dispatch.Api.Database;

/// <summary>
/// Configuration section "Database". The key names are a contract with deployments:
/// <c>Database:Provider</c> (<c>sqlite</c> default, <c>sqlserver</c>, <c>postgres</c>) and <c>Database:ConnectionString</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = "sqlite";

    /// <summary>Empty means the embedded default: <c>data/psc119.db</c> under the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Retries of a transient fault (exponential backoff with jitter from 100 ms, at most
    /// <see cref="RetryMaxDelaySeconds"/> apart): the defaults ride out a few seconds of outage;
    /// past them the API answers 503 with Retry-After and the caller retries.
    /// </summary>
    public int RetryAttempts { get; set; } = 6;

    public double RetryMaxDelaySeconds { get; set; } = 2;
}
