using System.Globalization;
using Dispatch.Core.Geography;

namespace Dispatch.Api.Routing;

/// <summary>Reads "LAT,LON" (decimal degrees, invariant culture) from a query string value.</summary>
public static class PointQuery
{
    public static GeoPoint? Parse(string? value)
    {
        var parts = value?.Split(',');
        if (parts is not { Length: 2 }) return null;
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        return double.TryParse(parts[0], style, CultureInfo.InvariantCulture, out var lat)
               && double.TryParse(parts[1], style, CultureInfo.InvariantCulture, out var lon)
               && new GeoPoint(lat, lon) is { IsValid: true } point
            ? point
            : null;
    }
}
