namespace Dispatch.Core.Routing;

/// <summary>
/// The road network (configuration section "Roads"). Without <see cref="Path"/> the app estimates
/// arrival by straight line, as before.
/// </summary>
public sealed class RoadOptions
{
    public const string Section = "Roads";

    /// <summary>GeoJSON LineStrings with OSM tags (highway, oneway, maxspeed, junction); empty = no routing.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Travel speed (km/h) per OSM <c>highway</c> class when a way has no usable <c>maxspeed</c>.
    /// A class that is missing here, or set to 0, is not used by ambulances and is skipped
    /// (footway, path, cycleway, steps, pedestrian, track, construction, ...).
    /// </summary>
    public Dictionary<string, double> SpeedKmh { get; set; } = new(StringComparer.Ordinal)
    {
        ["motorway"] = 80, ["motorway_link"] = 50, ["trunk"] = 65, ["trunk_link"] = 40,
        ["primary"] = 50, ["primary_link"] = 35, ["secondary"] = 45, ["secondary_link"] = 30,
        ["tertiary"] = 40, ["tertiary_link"] = 30, ["unclassified"] = 30, ["residential"] = 25,
        ["living_street"] = 10, ["service"] = 15,
    };

    /// <summary>An ambulance under lights travels this many times the way's speed.</summary>
    public double AmbulanceFactor { get; set; } = 1.2;

    /// <summary>Speed (km/h) for the stretch between a point and the road it snaps to.</summary>
    public double OffRoadSpeedKmh { get; set; } = 10;

    /// <summary>A point farther than this from every road cannot be routed.</summary>
    public double MaxSnapMeters { get; set; } = 500;

    /// <summary>How often the file is checked for a change (size or time); a change reloads it without a restart.</summary>
    public double ReloadCheckSeconds { get; set; } = 5;

    /// <summary>
    /// These options with every speed (the ways' and the off-road stretch's) x <paramref name="factor"/>,
    /// so every travel time is divided by it: an accepted speed calibration.
    /// </summary>
    public RoadOptions WithSpeedFactor(double factor) => factor == 1 ? this : new RoadOptions
    {
        Path = Path, SpeedKmh = SpeedKmh, AmbulanceFactor = AmbulanceFactor * factor, OffRoadSpeedKmh = OffRoadSpeedKmh * factor,
        MaxSnapMeters = MaxSnapMeters, ReloadCheckSeconds = ReloadCheckSeconds,
    };
}
