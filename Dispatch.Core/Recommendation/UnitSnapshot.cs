using Dispatch.Core.Units;

namespace Dispatch.Core.Recommendation;

/// <summary>
/// What the recommender needs of a unit, flat and allocation-free so that ranking thousands of
/// units stays in microseconds. Missing coordinates are NaN.
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
    double StationLon)
{
    public static UnitSnapshot From(Unit unit, Station? home) => new(
        unit.Id, unit.CallSign, unit.Type, unit.Status,
        unit.LastLat ?? double.NaN, unit.LastLon ?? double.NaN,
        unit.LastPositionAt?.ToUnixTimeMilliseconds() ?? long.MinValue,
        home?.Lat ?? double.NaN, home?.Lon ?? double.NaN);
}
