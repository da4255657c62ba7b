using Dispatch.Core.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace Dispatch.Core.Routing;

/// <summary>Where a point meets the road network: a segment, how far along it (0..1 from SegFrom) and how far off it.</summary>
public readonly record struct RoadSnap(int Segment, double Fraction, GeoPoint Point, double DistanceMeters);

/// <summary>
/// Nearest road segment to a point, by NetTopologySuite's STR-tree. Positions are kept in a local
/// equirectangular projection (x = lon x cos(mid latitude), y = lat) so that the tree's
/// envelope distances and the segment distances measure the same thing within a city.
/// </summary>
internal sealed class SegmentIndex
{
    private const double MetersPerDegree = GreatCircle.EarthRadiusMeters * Math.PI / 180;
    private const double FirstRadiusMeters = 60;
    private readonly RoadGraph _graph;
    private readonly double _cos;
    private readonly STRtree<int> _tree = new();

    public SegmentIndex(RoadGraph graph)
    {
        _graph = graph;
        var mid = graph.NodeCount == 0 ? 0 : (graph.Lat.Min() + graph.Lat.Max()) / 2;
        _cos = Math.Cos(mid * Math.PI / 180);
        for (var s = 0; s < graph.SegmentCount; s++)
        {
            var (ax, ay, bx, by) = Ends(s);
            _tree.Insert(new Envelope(ax, bx, ay, by), s);
        }
        _tree.Build(); // built before any concurrent query
    }

    /// <summary>
    /// Searches a box around the point, widening it 4x until the nearest segment found lies within
    /// the box's half-width (then no segment outside the box can be nearer) or the box reaches
    /// <paramref name="maxMeters"/> (5% margin for the projection).
    /// </summary>
    public RoadSnap? Nearest(GeoPoint p, double maxMeters)
    {
        if (_graph.SegmentCount == 0 || !p.IsValid) return null;
        var (x, y) = (p.Lon * _cos, p.Lat);
        var limit = maxMeters * 1.05 / MetersPerDegree;
        var nearest = new NearestVisitor(this, x, y);
        for (var r = Math.Min(FirstRadiusMeters / MetersPerDegree, limit); ; r = Math.Min(r * 4, limit))
        {
            _tree.Query(new Envelope(x - r, x + r, y - r, y + r), nearest);
            if ((nearest.Segment >= 0 && nearest.Distance <= r) || r >= limit) break;
        }
        if (nearest.Segment < 0) return null;
        var segment = nearest.Segment;
        var t = Fraction(segment, x, y);
        var (a, b) = (_graph.SegFrom[segment], _graph.SegTo[segment]);
        var point = new GeoPoint(_graph.Lat[a] + (t * (_graph.Lat[b] - _graph.Lat[a])), _graph.Lon[a] + (t * (_graph.Lon[b] - _graph.Lon[a])));
        var meters = GreatCircle.Meters(p, point);
        return meters <= maxMeters ? new RoadSnap(segment, t, point, meters) : null;
    }

    /// <summary>Distance (projected degrees) from (x, y) to the segment.</summary>
    private double Distance(int segment, double x, double y)
    {
        var t = Fraction(segment, x, y);
        var (ax, ay, bx, by) = Ends(segment);
        var (dx, dy) = (ax + (t * (bx - ax)) - x, ay + (t * (by - ay)) - y);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Keeps the nearest of the segments the tree hands over (one per query; not shared between threads).</summary>
    private sealed class NearestVisitor(SegmentIndex index, double x, double y) : IItemVisitor<int>
    {
        public int Segment { get; private set; } = -1;
        public double Distance { get; private set; } = double.PositiveInfinity;

        public void VisitItem(int item)
        {
            var d = index.Distance(item, x, y);
            if (d < Distance || (d == Distance && item < Segment)) (Segment, Distance) = (item, d);
        }
    }

    /// <summary>Where the perpendicular from (x, y) meets the segment, clamped to its ends.</summary>
    private double Fraction(int segment, double x, double y)
    {
        var (ax, ay, bx, by) = Ends(segment);
        var (vx, vy) = (bx - ax, by - ay);
        var length2 = (vx * vx) + (vy * vy);
        return length2 == 0 ? 0 : Math.Clamp((((x - ax) * vx) + ((y - ay) * vy)) / length2, 0, 1);
    }

    private (double Ax, double Ay, double Bx, double By) Ends(int segment)
    {
        var (a, b) = (_graph.SegFrom[segment], _graph.SegTo[segment]);
        return (_graph.Lon[a] * _cos, _graph.Lat[a], _graph.Lon[b] * _cos, _graph.Lat[b]);
    }
}
