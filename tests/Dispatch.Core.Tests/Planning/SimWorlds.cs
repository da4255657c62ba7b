using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Planning;
using Dispatch.Core.Units;

namespace Dispatch.Core.Tests.Planning;

/// <summary>Tiny worlds for hand-computed replays: on the straight line at 10 m/s (detour 1, 36 km/h), metres along a meridian from (0, 0).</summary>
internal static class SimWorlds
{
    public static readonly StraightLineSpeed TenMetersPerSecond = new(1, 36);
    public static readonly TriageOptions Targets = new();
    /// <summary>2026-01-05 00:00 WIB, a Monday.</summary>
    public static readonly long Monday = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();
    public static readonly SimPeriod Week = new(Monday, Monday + WeeklyShifts.WeekMs);

    /// <summary>A point <paramref name="north"/> metres north and <paramref name="east"/> metres east of (0, 0).</summary>
    public static GeoPoint At(double north, double east = 0) => new(north / MetresPerDegree, east / MetresPerDegree);

    public static SimStation Station(string key, double north, double east = 0, string? kecamatan = null) => new(key, key, At(north, east), kecamatan);

    public static SimUnit Unit(string callSign, int station, UnitType type = UnitType.Bls, params ShiftWindow[] shifts) => new(null, callSign, type, station, shifts);

    /// <summary>A call with every duration known (seconds); not conveyed unless a transport is given.</summary>
    public static SimCall Call(long id, long atSeconds, double north, Triage? triage = Triage.Kuning, double east = 0, string? kecamatan = null,
        long processing = 60, long turnout = 60, long onScene = 600, long? transport = null, long? back = null) =>
        new(id, Monday + (atSeconds * 1000), triage, At(north, east), $"KEL-{kecamatan}", null, kecamatan,
            new ObservedDurations(processing * 1000, turnout * 1000, onScene * 1000, transport * 1000, back * 1000, transport is not null));

    public static SimulationRun Run(SimWorld world, IReadOnlyList<SimCall> calls, Dispatch.Core.Routing.RoadNetwork? network = null)
    {
        var table = TravelTable.Build(network, world.Stations.Select(s => s.Position).Distinct().ToList(), TenMetersPerSecond);
        return Simulator.Run(world, calls, table, Targets);
    }

    /// <summary>Seconds after <see cref="Monday"/>.</summary>
    public static double Since(long ms) => (ms - Monday) / 1000.0;

    private const double MetresPerDegree = GreatCircle.EarthRadiusMeters * Math.PI / 180;
}
