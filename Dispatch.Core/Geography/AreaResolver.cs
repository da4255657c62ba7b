using System.Reflection;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace Dispatch.Core.Geography;

/// <summary>
/// Resolves kelurahan and kecamatan from a point by point-in-polygon over the shipped
/// Kota Solok boundaries (embedded GeoJSON, see Geography/Data/README.md).
/// </summary>
public sealed class AreaResolver
{
    private readonly IReadOnlyList<(Area Area, IPreparedGeometry Shape)> _kelurahan;
    private readonly IReadOnlyList<(Area Area, IPreparedGeometry Shape)> _kecamatan;

    public AreaResolver(FeatureCollection kelurahan, FeatureCollection kecamatan)
    {
        _kelurahan = Prepare(kelurahan);
        _kecamatan = Prepare(kecamatan);
        Kelurahan = kelurahan;
    }

    /// <summary>The kelurahan features as loaded (for maps and tests).</summary>
    public FeatureCollection Kelurahan { get; }

    public IEnumerable<Area> KelurahanAreas => _kelurahan.Select(k => k.Area);

    /// <summary>Kota Solok, from the boundaries embedded in this assembly.</summary>
    public static AreaResolver KotaSolok() =>
        new(LoadEmbedded("kota-solok-kelurahan.geojson"), LoadEmbedded("kota-solok-kecamatan.geojson"));

    public AreaMatch Resolve(GeoPoint point)
    {
        if (!point.IsValid) return AreaMatch.None;
        var p = GeometryFactory.Default.CreatePoint(new Coordinate(point.Lon, point.Lat));
        var kel = _kelurahan.FirstOrDefault(k => k.Shape.Covers(p)).Area;
        // Kecamatan codes are the kelurahan code's prefix; fall back to the polygon when the
        // point sits in a gap between kelurahan shapes.
        var kec = kel is not null
            ? _kecamatan.FirstOrDefault(k => kel.Code.StartsWith(k.Area.Code + ".", StringComparison.Ordinal)).Area
            : _kecamatan.FirstOrDefault(k => k.Shape.Covers(p)).Area;
        return new AreaMatch(kel, kec);
    }

    /// <summary>The kelurahan with this code or name (case-insensitive), for typed locations.</summary>
    public Area? FindKelurahan(string codeOrName) =>
        _kelurahan.Select(k => k.Area).FirstOrDefault(a =>
            string.Equals(a.Code, codeOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.Name, codeOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>A point guaranteed inside the kelurahan (for a typed location without a map click).</summary>
    public GeoPoint? InteriorPoint(string kelurahanCode)
    {
        var shape = _kelurahan.FirstOrDefault(k => k.Area.Code == kelurahanCode).Shape;
        if (shape is null) return null;
        var c = shape.Geometry.InteriorPoint.Coordinate;
        return new GeoPoint(c.Y, c.X);
    }

    private static List<(Area, IPreparedGeometry)> Prepare(FeatureCollection features) =>
        features.Select(f => (
                new Area((string)f.Attributes["kode"], (string)f.Attributes["nama"]),
                PreparedGeometryFactory.Prepare(f.Geometry)))
            .ToList();

    private static FeatureCollection LoadEmbedded(string fileName)
    {
        var name = $"Dispatch.Core.Geography.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded boundary file {name} is missing.");
        return Read(stream);
    }

    public static FeatureCollection Read(Stream geoJson)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return JsonSerializer.Deserialize<FeatureCollection>(geoJson, options)
            ?? throw new InvalidDataException("The boundary file holds no feature collection.");
    }
}
