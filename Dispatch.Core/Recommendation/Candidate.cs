using Dispatch.Core.Units;

namespace Dispatch.Core.Recommendation;

public enum PositionSource { Reported, HomeStation }

/// <summary>One recommended unit, with the figures behind its rank and a one-line reason.</summary>
public sealed record Candidate(
    int Rank,
    long UnitId,
    string CallSign,
    UnitType Type,
    double DistanceMeters,
    double EtaSeconds,
    PositionSource PositionSource,
    double? PositionAgeSeconds,
    bool AlsPreferenceApplied,
    string Reason);
