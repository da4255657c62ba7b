using Dispatch.Core.Units;

namespace Dispatch.Api.Units;

public sealed record PositionView(double Lat, double Lon, double? AccuracyMeters, DateTimeOffset At);

/// <summary>A unit on the wire (units board, UnitChanged). <c>Available</c> says whether it may be assigned now (the domain's rule, so pages need no copy of it).</summary>
public sealed record UnitView(
    long Id, string CallSign, string Plate, UnitType Type, long? HomeStationId, UnitStatus Status, bool Available, long? IncidentId, PositionView? LastPosition, int Version)
{
    public static UnitView From(Unit u) => new(
        u.Id, u.CallSign, u.Plate, u.Type, u.HomeStationId, u.Status, u.Status.IsAvailable(), u.IncidentId,
        u.LastPosition is { } p && u.LastPositionAt is { } at ? new PositionView(p.Lat, p.Lon, u.LastAccuracyMeters, at) : null,
        u.Version);
}
