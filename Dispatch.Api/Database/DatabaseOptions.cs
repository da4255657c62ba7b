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
}
