namespace Dispatch.Api.Planning;

/// <summary>A unit and its busy fraction q over the period (0.01..0.99; the fleet's mean when it has no history).</summary>
public sealed record CoverageUnitView(long Id, string CallSign, long? StationId, double BusyFraction);

/// <summary>A station (a stations-table row with units) and how many units stand there.</summary>
public sealed record CoverageStationView(long Id, string Name, double Lat, double Lon, int Units);

/// <summary>A facility (any stations-table row: PSC post, puskesmas, hospital): the default placement candidates.</summary>
public sealed record CoverageFacilityView(long Id, string Name, string Kind, double Lat, double Lon);

/// <summary>
/// One kelurahan (code and name null for incidents outside every known kelurahan): its incidents
/// of the period, their expected coverage within the target (demand-weighted, 0..1) and
/// <see cref="ExpectedUncovered"/>, the expected number of its incidents with a triage target
/// (merah, kuning) that no free unit reaches within the target: sum of (1 - coverage) x targeted incidents.
/// </summary>
public sealed record CoverageKelurahanView(string? Code, string? Name, long Incidents, double ExpectedCoverage, double ExpectedUncovered);

/// <summary>What of the period could not be used: incidents without a position (not placed) and without triage (placed, no target).</summary>
public sealed record CoverageSkipped(long NoLocation, long UnknownTriage);

/// <summary>
/// <c>GET /api/planning/coverage</c>: the expected coverage (MEXCLP with each unit's busy fraction)
/// of the period's closed incidents within <see cref="TargetSeconds"/>, by road ("road") or by
/// straight line ("straightLine"). <see cref="Demand"/> is the incidents placed (with a position);
/// <see cref="ExpectedLate"/> the expected incidents with a target not reached within it (a
/// model estimate, not a replay).
/// </summary>
public sealed record CoverageView(
    DateOnly From, DateOnly To, double TargetSeconds, string Basis, long Demand, int DemandPoints,
    double ExpectedCoverage, double ExpectedLate, CoverageSkipped Skipped,
    IReadOnlyList<CoverageUnitView> Units, IReadOnlyList<CoverageStationView> Stations, IReadOnlyList<CoverageFacilityView> Facilities,
    IReadOnlyList<CoverageKelurahanView> Kelurahan);
