namespace Dispatch.Core.Recommendation;

/// <summary>How arrival is estimated and units ranked (configuration section "Recommendation").</summary>
public sealed class RecommendationOptions
{
    public const string Section = "Recommendation";

    /// <summary>Road distance / straight-line distance for the straight-line estimate; ~1.3-1.5 in hilly towns.</summary>
    public double DetourFactor { get; set; } = 1.4;
    /// <summary>Average ambulance speed under lights, km/h.</summary>
    public double SpeedKmh { get; set; } = 40;
    /// <summary>A reported position older than this is not trusted; the home station is used.</summary>
    public double StalePositionMinutes { get; set; } = 5;
    /// <summary>For P1 a non-ALS unit ranks as if it were this much slower.</summary>
    public double AlsPreferenceSeconds { get; set; } = 180;
    /// <summary>How many candidates to return.</summary>
    public int MaxCandidates { get; set; } = 5;
    /// <summary>With a road network: how many units nearest by straight line are re-ranked by road.</summary>
    public int RoadShortlist { get; set; } = 10;

    /// <summary>These options with <see cref="SpeedKmh"/> x <paramref name="factor"/> (an accepted straight-line calibration).</summary>
    public RecommendationOptions WithSpeedFactor(double factor) => factor == 1 ? this : new RecommendationOptions
    {
        DetourFactor = DetourFactor, SpeedKmh = SpeedKmh * factor, StalePositionMinutes = StalePositionMinutes,
        AlsPreferenceSeconds = AlsPreferenceSeconds, MaxCandidates = MaxCandidates, RoadShortlist = RoadShortlist,
    };
}
