using System.Globalization;
using System.Text.Json;

namespace Dispatch.Core.Routing;

/// <summary>Checks one GeoJSON feature and turns it into <see cref="RoadLine"/>s (one per LineString part).</summary>
internal static class RoadFeature
{
    /// <summary>Adds the feature's lines and returns its label; throws naming the feature when it is unusable.</summary>
    public static string Read(JsonElement feature, int index, string file, List<RoadLine> into)
    {
        var label = Label(feature, index);
        RoadFileException Fault(string what) => new($"{file}: {label} {what}.");

        if (feature.ValueKind != JsonValueKind.Object) throw Fault("is not a JSON object");
        if (!feature.TryGetProperty("properties", out var tags) || tags.ValueKind != JsonValueKind.Object) throw Fault("has no properties (OSM tags)");
        var highway = Tag(tags, "highway");
        if (string.IsNullOrWhiteSpace(highway)) throw Fault("has no 'highway' tag");
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object) throw Fault("has no geometry");
        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array) throw Fault("has no coordinates array");

        var parts = type switch
        {
            "LineString" => [coordinates],
            "MultiLineString" => coordinates.EnumerateArray().ToArray(),
            _ => throw Fault($"has geometry type '{type}'; roads must be LineString or MultiLineString"),
        };
        foreach (var part in parts)
        {
            var lonLat = Positions(part, what => Fault(what));
            into.Add(new RoadLine(index, label, highway, Tag(tags, "oneway"), Tag(tags, "maxspeed"), Tag(tags, "junction"), lonLat));
        }
        return label;
    }

    private static double[] Positions(JsonElement line, Func<string, RoadFileException> fault)
    {
        if (line.ValueKind != JsonValueKind.Array) throw fault("has a line that is not an array of positions");
        var count = line.GetArrayLength();
        if (count < 2) throw fault($"has a line of {count} position(s); a road needs at least 2");
        var lonLat = new double[count * 2];
        var i = 0;
        foreach (var position in line.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
                || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat)
                || !double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
                throw fault($"has coordinates[{i}] that is not a [lon, lat] position within -180..180, -90..90");
            lonLat[2 * i] = lon;
            lonLat[(2 * i) + 1] = lat;
            i++;
        }
        return lonLat;
    }

    /// <summary>A tag's value as text (exports may write oneway as true or 1).</summary>
    private static string? Tag(JsonElement tags, string key) =>
        tags.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    /// <summary>"features[12] (osm_id 4242)": the index always, the OSM id when the export kept one.</summary>
    private static string Label(JsonElement feature, int index)
    {
        string? id = null;
        if (feature.ValueKind == JsonValueKind.Object)
        {
            if (feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
                id = Tag(p, "osm_id") ?? Tag(p, "@id");
            if (id is null && feature.TryGetProperty("id", out var fid) && fid.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                id = fid.ValueKind == JsonValueKind.String ? fid.GetString() : fid.GetRawText();
        }
        return id is null ? string.Create(CultureInfo.InvariantCulture, $"features[{index}]") : string.Create(CultureInfo.InvariantCulture, $"features[{index}] (osm_id {id})");
    }
}
