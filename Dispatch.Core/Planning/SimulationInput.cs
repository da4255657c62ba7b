using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Core.Planning;

/// <summary>A station units stand at: a key (the database id as text, or the scenario's key), a name, its position and kecamatan (for the kecamatan rule; null: the rule does not apply to its units).</summary>
public sealed record SimStation(string Key, string Name, GeoPoint Position, string? KecamatanCode);

/// <summary>
/// A unit of the simulated fleet: database id (null for one the scenario adds), call sign, type,
/// home station (index into the world's stations) and its weekly shifts (empty: on duty 24/7).
/// </summary>
public sealed record SimUnit(long? Id, string CallSign, UnitType Type, int Station, IReadOnlyList<ShiftWindow> Shifts);

/// <summary>
/// Durations an incident's own history shows, in milliseconds, null where unknown: call received ->
/// unit notified (processing), notified -> en route (turnout), on scene -> left scene, left scene
/// -> at destination (transport) and at destination -> back in service (return). <see cref="Conveyed"/>:
/// the incident reached a destination; without one the unit returns from the scene by road.
/// </summary>
public sealed record ObservedDurations(long? ProcessingMs, long? TurnoutMs, long? OnSceneMs, long? TransportMs, long? ReturnMs, bool Conveyed)
{
    public static readonly ObservedDurations None = new(null, null, null, null, null, false);
}

/// <summary>One call to replay: the incident's id, call time (UTC ms), triage (null: unknown, no target), scene and area.</summary>
public sealed record SimCall(long Id, long ReceivedMs, Triage? Triage, GeoPoint Position, string? KelurahanCode, string? KelurahanName, string? KecamatanCode, ObservedDurations Observed);

/// <summary>How the dispatcher picks among available units: by road ETA, or by straight-line distance (travel still by road).</summary>
public enum TravelChoice { Road, StraightLine }

/// <summary>
/// The dispatch policy. <see cref="AlsForMerah"/>: a merah call takes the closest available ALS
/// unit when there is one, else the closest of any type. <see cref="KeepOnePerKecamatan"/>: a unit
/// that is the last available (on shift, idle) unit of its home station's kecamatan is not sent to a
/// call in another kecamatan unless the call is merah; the hold ends once the call has waited as long
/// as its triage target (60 minutes without one), so that no call waits for ever.
/// </summary>
public sealed record SimPolicy(TravelChoice Travel = TravelChoice.Road, bool AlsForMerah = false, bool KeepOnePerKecamatan = false)
{
    public static readonly SimPolicy Default = new();
    public static readonly TimeSpan HoldWithoutTarget = TimeSpan.FromMinutes(60);
}

/// <summary>Stations, units and the policy of one simulated configuration.</summary>
public sealed record SimWorld(IReadOnlyList<SimStation> Stations, IReadOnlyList<SimUnit> Units, SimPolicy Policy);

/// <summary>The replayed period, UTC ms, end exclusive (for utilisation: on-shift time within it).</summary>
public sealed record SimPeriod(long FromMs, long ToMs);
