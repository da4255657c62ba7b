namespace Dispatch.Core.Units;

public enum StationKind { PscPost, Hospital, Puskesmas }

/// <summary>
/// A place units start from or take patients to. <see cref="IsSample"/> marks demo data whose
/// position is illustrative, not a verified fact. <see cref="Code"/> is the facility's own code
/// (e.g. its Kemenkes hospital code), by which bulk updates find it.
/// </summary>
public sealed record Station(long Id, string Name, StationKind Kind, double Lat, double Lon, bool IsSample, string? Code = null);

/// <summary>A crew member's binding to one unit: they see and act on that unit only.</summary>
public sealed record CrewMembership(string UserName, long UnitId);
