namespace Dispatch.Api.Demo;

/// <summary>Configuration section "Seed": demo data for Development only.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the Kota Solok demo (sample stations, units and users) into an empty database.</summary>
    public bool Demo { get; set; }

    /// <summary>Password of every demo user.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>The demo telephony key, accepted as X-Api-Key in Development.</summary>
    public string? TelephonyApiKey { get; set; }
}
