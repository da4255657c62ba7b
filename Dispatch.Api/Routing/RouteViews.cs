using Dispatch.Core.Geography;

namespace Dispatch.Api.Routing;

/// <summary>A GeoJSON LineString: positions as [lon, lat].</summary>
public sealed record LineStringView(string Type, double[][] Coordinates)
{
    public static LineStringView Of(IEnumerable<GeoPoint> points) =>
        new("LineString", points.Select(p => new[] { Math.Round(p.Lon, 7), Math.Round(p.Lat, 7) }).ToArray());
}

/// <summary>
/// Travel between two points by road: seconds and metres include the off-road stretches at both
/// ends (<see cref="SnapDistanceMeters"/> together, at Roads:OffRoadSpeedKmh).
/// </summary>
public sealed record EtaView(double Seconds, double Meters, double SnapDistanceMeters, LineStringView Geometry);

/// <summary>
/// The assigned unit's way to the scene, for the console map and the crew page. <see cref="Basis"/>
/// is "road", or "straightLine" (then <see cref="Note"/> says why and the geometry is the straight line).
/// </summary>
public sealed record AssignedRouteView(
    long IncidentId,
    long UnitId,
    string Basis,
    double Seconds,
    double Meters,
    double SnapDistanceMeters,
    LineStringView Geometry,
    string From,
    string? Note);
