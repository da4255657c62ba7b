using Dispatch.Core.Units;

namespace Dispatch.Core.Recommendation;

public enum PositionSource { Reported, HomeStation }

/// <summary>How a candidate's ETA was found: by road over the network, or estimated from the straight line.</summary>
public enum EtaBasis { StraightLine, Road }

/// <summary>
/// One recommended unit, with the figures behind its rank and a one-line reason.
/// <see cref="DistanceMeters"/> is the straight line; <see cref="RoadMeters"/> the route's length
/// when the ETA is by road. A unit committed elsewhere comes with <see cref="DivertFrom"/>: the
/// less urgent incident it would leave.
/// </summary>
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
    string Reason,
    EtaBasis EtaBasis = EtaBasis.StraightLine,
    double? RoadMeters = null,
    DivertFrom? DivertFrom = null);

/// <summary>A unit on its way to a less urgent incident, which it would leave if diverted.</summary>
public sealed record DivertFrom(long IncidentId, Incidents.Triage Triage);
