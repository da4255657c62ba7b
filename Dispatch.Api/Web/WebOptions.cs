namespace Dispatch.Api.Web;

/// <summary>Configuration section "Map": the optional tile layer. Without tiles the map still shows boundaries, units and incidents.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>Leaflet URL template; empty for no tiles (offline). OpenStreetMap by default.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>The tile server's origin for the Content-Security-Policy, or null without tiles.</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? TileUrl.Contains("{s}", StringComparison.Ordinal) ? $"{uri.Scheme}://*.{string.Join('.', uri.Host.Split('.').Skip(1))}" : $"{uri.Scheme}://{uri.Authority}"
            : null;
}

/// <summary>Configuration section "Crew": how the crew page behaves.</summary>
public sealed class CrewOptions
{
    public const string Section = "Crew";

    /// <summary>How often the crew page sends the phone's position while on duty.</summary>
    public int PositionIntervalSeconds { get; set; } = 15;
}

/// <summary>Configuration section "Console": the operator console's alarms and hand-overs.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>A merah incident waiting this long for a unit pulses and sounds until one is assigned.</summary>
    public int WaitingAlarmSeconds { get; set; } = 60;

    /// <summary>After this long, any operator may take over a call another operator answered and left unfinished (logged).</summary>
    public int TakeOverSeconds { get; set; } = 120;
}
