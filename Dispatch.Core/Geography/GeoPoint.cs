namespace Dispatch.Core.Geography;

/// <summary>A WGS84 position in degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public bool IsValid =>
        double.IsFinite(Lat) && double.IsFinite(Lon) && Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180;

    public static GeoPoint? Create(double? lat, double? lon) =>
        lat is { } la && lon is { } lo ? new GeoPoint(la, lo) : null;

    public override string ToString() => FormattableString.Invariant($"{Lat:0.######},{Lon:0.######}");
}
