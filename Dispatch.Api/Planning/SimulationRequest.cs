namespace Dispatch.Api.Planning;

/// <summary>A what-if simulation: a period of history (WIB days, both inclusive, YYYY-MM-DD), an optional label and the scenario.</summary>
/// <param name="From">First WIB day of the period replayed.</param>
/// <param name="To">Last WIB day (inclusive).</param>
/// <param name="Name">A label for the list of runs (optional).</param>
/// <param name="Scenario">Changes to today's stations, units and policy; absent: today as it is, default policy.</param>
public sealed record SimulationRequest(string? From, string? To, string? Name, ScenarioRequest? Scenario);

/// <summary>Changes relative to today. Empty lists and no policy: today's configuration with the default policy.</summary>
/// <param name="Stations">Moved (id + lat/lon), added (key, name, lat/lon) or removed (id + remove) stations.</param>
/// <param name="Units">Changed (id + any of type, home, shifts), added (callSign, type, home) or removed (id + remove) units.</param>
/// <param name="Policy">How units are chosen.</param>
public sealed record ScenarioRequest(IReadOnlyList<StationChange>? Stations, IReadOnlyList<UnitChange>? Units, PolicyRequest? Policy);

/// <summary>One station change: with <c>id</c> a station of today (moved, or removed with <c>remove</c>); with <c>key</c> a new one.</summary>
/// <param name="Id">Today's station id.</param>
/// <param name="Key">The new station's key, for units' <c>homeStationKey</c>.</param>
/// <param name="Name">The new station's name.</param>
/// <param name="Lat">Latitude (WGS84).</param>
/// <param name="Lon">Longitude (WGS84).</param>
/// <param name="Remove">Removes the station: its units must get another home or be removed.</param>
public sealed record StationChange(long? Id, string? Key, string? Name, double? Lat, double? Lon, bool? Remove);

/// <summary>One unit change: with <c>id</c> a unit of today (changed, or removed with <c>remove</c>); without, a new unit.</summary>
/// <param name="Id">Today's unit id.</param>
/// <param name="CallSign">The new unit's call sign.</param>
/// <param name="Type">ALS, BLS or transport.</param>
/// <param name="HomeStationId">A station of today.</param>
/// <param name="HomeStationKey">A station the scenario adds.</param>
/// <param name="Shifts">Weekly on-duty windows in WIB; none: 24/7.</param>
/// <param name="Remove">Removes the unit.</param>
public sealed record UnitChange(long? Id, string? CallSign, string? Type, long? HomeStationId, string? HomeStationKey, IReadOnlyList<ShiftRequest>? Shifts, bool? Remove);

/// <summary>A weekly window: on each of <c>days</c> (0 = Sunday .. 6) from <c>from</c> to <c>to</c> (HH:mm WIB; <c>to</c> not after <c>from</c> ends the next day).</summary>
public sealed record ShiftRequest(IReadOnlyList<int>? Days, string? From, string? To);

/// <summary>The dispatch policy.</summary>
/// <param name="Travel">"road": closest by road ETA (default); "straightLine": closest by great-circle distance (travel still by road).</param>
/// <param name="AlsForMerah">A merah call takes the closest free ALS unit when there is one.</param>
/// <param name="KeepOnePerKecamatan">The last free unit of a kecamatan is not sent out of it unless the call is merah (until the call has waited its target; 60 min without one).</param>
public sealed record PolicyRequest(string? Travel, bool? AlsForMerah, bool? KeepOnePerKecamatan);
