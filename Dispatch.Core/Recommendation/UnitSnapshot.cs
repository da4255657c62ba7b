using Dispatch.Core.Units;

namespace Dispatch.Core.Recommendation;

/// <summary>
/// What the recommender needs of a unit, flat and allocation-free so that ranking thousands of
/// units stays in microseconds. Missing coordinates are NaN. A unit that is not available is
/// ranked only with <see cref="DivertFrom"/> set.
/// </summary>
public readonly record struct UnitSnapshot(
    long Id,
    string CallSign,
    UnitType Type,
    UnitStatus Status,
    double Lat,
    double Lon,
    long PositionAtUnixMs,
    double StationLat,
    double StationLon,
    DivertFrom? DivertFrom = null)
{
    /// <param name="divertFrom">The less urgent incident a unit on its way would leave; it is then a divert candidate.</param>
    public static UnitSnapshot From(Unit unit, Station? home, DivertFrom? divertFrom = null) => new(
        unit.Id, unit.CallSign, unit.Type, unit.Status,
        unit.LastLat ?? double.NaN, unit.LastLon ?? double.NaN,
        unit.LastPositionAt?.ToUnixTimeMilliseconds() ?? long.MinValue,
        home?.Lat ?? double.NaN, home?.Lon ?? double.NaN, divertFrom);
}
