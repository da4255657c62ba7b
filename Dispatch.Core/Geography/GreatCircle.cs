namespace Dispatch.Core.Geography;

/// <summary>Great-circle distances on a spherical Earth (IUGG mean radius).</summary>
public static class GreatCircle
{
    public const double EarthRadiusMeters = 6_371_008.8;
    private const double DegToRad = Math.PI / 180.0;

    /// <summary>Haversine distance in metres.</summary>
    public static double Meters(GeoPoint a, GeoPoint b)
    {
        var dLat = (b.Lat - a.Lat) * DegToRad;
        var dLon = (b.Lon - a.Lon) * DegToRad;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(a.Lat * DegToRad) * Math.Cos(b.Lat * DegToRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// Equirectangular approximation around <paramref name="origin"/>: metres per degree of
    /// latitude and longitude. Within a city it differs from haversine by far less than a metre
    /// per kilometre, and it costs two multiplications, so it is used to shortlist.
    /// </summary>
    public static (double PerDegLat, double PerDegLon) MetersPerDegree(GeoPoint origin)
    {
        var perDegLat = EarthRadiusMeters * DegToRad;
        return (perDegLat, perDegLat * Math.Cos(origin.Lat * DegToRad));
    }
}
