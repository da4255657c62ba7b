namespace Dispatch.Api.Demo;

/// <summary>Configuration section "Seed": demo data for Development only.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the Kota Solok demo (sample stations, units and users) into an empty database.</summary>
    public bool Demo { get; set; }

    /// <summary>How many sample past incidents to seed for the reports page (0 for none).</summary>
    public int DemoHistory { get; set; } = 400;

    /// <summary>Password of every demo user.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>The demo telephony key, accepted as X-Api-Key in Development.</summary>
    public string? TelephonyApiKey { get; set; }
}
