using System.Globalization;

namespace Dispatch.Core.Routing;

/// <summary>Reads OSM <c>maxspeed</c> values: "50", "50 km/h", "30 mph", "none", "RO:urban", ...</summary>
public static class Maxspeed
{
    private const double KmhPerMph = 1.609344;
    private const double KmhPerKnot = 1.852;

    /// <summary>
    /// The limit in km/h, or null when the value gives none that can be used as a speed ("none",
    /// "signals", "walk", country-zone codes, garbage): the highway class speed applies then.
    /// Of several values ("50;30") the first counts.
    /// </summary>
    public static double? Kmh(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Split(';', 2)[0].Trim().ToLowerInvariant();
        var (number, factor) = text switch
        {
            _ when text.EndsWith("mph", StringComparison.Ordinal) => (text[..^3], KmhPerMph),
            _ when text.EndsWith("knots", StringComparison.Ordinal) => (text[..^5], KmhPerKnot),
            _ when text.EndsWith("km/h", StringComparison.Ordinal) => (text[..^4], 1.0),
            _ when text.EndsWith("kmh", StringComparison.Ordinal) || text.EndsWith("kph", StringComparison.Ordinal) => (text[..^3], 1.0),
            _ => (text, 1.0),
        };
        return double.TryParse(number.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v is > 0 and < 400
            ? v * factor
            : null;
    }
}
