using System.Globalization;
using System.Text.Json;

namespace Dispatch.Core.Routing;

/// <summary>
/// Reads a GeoJSON FeatureCollection of road LineStrings (what <c>osmium export</c>, QGIS or
/// ogr2ogr write from an OSM extract). Every feature is checked; the first fault stops the read
/// with a <see cref="RoadFileException"/> naming it (<c>features[12] (osm_id 4242)</c>), so a bad
/// or cut-short file is never half-used.
/// </summary>
public static class RoadFile
{
    public static IReadOnlyList<RoadLine> Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RoadFileException($"{System.IO.Path.GetFileName(path)}: cannot be read ({e.GetType().Name}: {e.Message}).");
        }
        return Parse(bytes, System.IO.Path.GetFileName(path));
    }

    public static IReadOnlyList<RoadLine> Parse(ReadOnlySpan<byte> json, string name)
    {
        var lines = new List<RoadLine>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var index = 0;
        string? last = null;
        var sawFeatures = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new RoadFileException($"{name}: not a GeoJSON FeatureCollection (the file does not start with an object).");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                if (property != "features") { reader.Skip(); continue; }
                if (reader.TokenType != JsonTokenType.StartArray) throw new RoadFileException($"{name}: 'features' is not an array.");
                sawFeatures = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    using var feature = JsonDocument.ParseValue(ref reader);
                    last = RoadFeature.Read(feature.RootElement, index++, name, lines);
                }
            }
        }
        catch (JsonException e)
        {
            var where = last is null ? "before the first feature" : $"in or after {last}, at features[{index}]";
            throw new RoadFileException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: malformed or cut-short JSON {where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {e.Message}"));
        }
        if (!sawFeatures) throw new RoadFileException($"{name}: not a GeoJSON FeatureCollection (no 'features' array).");
        return lines;
    }
}
