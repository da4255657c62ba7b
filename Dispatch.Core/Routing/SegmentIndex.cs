using Dispatch.Core.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Dispatch.Core.Routing;

/// <summary>Where a point meets the road network: a segment, how far along it (0..1 from SegFrom) and how far off it.</summary>
public readonly record struct RoadSnap(int Segment, double Fraction, GeoPoint Point, double DistanceMeters);

/// <summary>
/// Nearest road segment to a point, by NetTopologySuite's STR-tree. Positions are kept in a local
/// equirectangular projection (x = lon x cos(mid latitude), y = lat) so that the tree's
/// envelope distances and the segment distances measure the same thing within a city.
/// </summary>
internal sealed class SegmentIndex : IItemDistance<Envelope, int>
{
    private const int Query = -1;
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

    public RoadSnap? Nearest(GeoPoint p, double maxMeters)
    {
        if (_graph.SegmentCount == 0 || !p.IsValid) return null;
        var (x, y) = (p.Lon * _cos, p.Lat);
        var segment = _tree.NearestNeighbour(new Envelope(x, x, y, y), Query, this);
        var t = Fraction(segment, x, y);
        var (a, b) = (_graph.SegFrom[segment], _graph.SegTo[segment]);
        var point = new GeoPoint(_graph.Lat[a] + (t * (_graph.Lat[b] - _graph.Lat[a])), _graph.Lon[a] + (t * (_graph.Lon[b] - _graph.Lon[a])));
        var meters = GreatCircle.Meters(p, point);
        return meters <= maxMeters ? new RoadSnap(segment, t, point, meters) : null;
    }

    double IItemDistance<Envelope, int>.Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2)
    {
        var (query, segment) = item1.Item == Query ? (item1, item2.Item) : (item2, item1.Item);
        var (x, y) = (query.Bounds.MinX, query.Bounds.MinY);
        var t = Fraction(segment, x, y);
        var (ax, ay, bx, by) = Ends(segment);
        var (dx, dy) = (ax + (t * (bx - ax)) - x, ay + (t * (by - ay)) - y);
        return Math.Sqrt((dx * dx) + (dy * dy));
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
