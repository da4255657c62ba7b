using Dispatch.Core.Geography;

namespace Dispatch.Core.Routing;

/// <summary>What building the graph kept and skipped, for the health page and the logs.</summary>
public sealed record BuildReport(int Features, int LinesUsed, IReadOnlyDictionary<string, int> SkippedByClass, int MaxspeedIgnored, int OnewayNotUnderstood);

/// <summary>
/// Builds the graph from road lines: lines are noded where they share a position (OSM ways are
/// not split at intersections; a shared OSM node has bit-identical coordinates in every way that
/// uses it), each pair of consecutive positions becomes a segment with its length, its allowed
/// directions (oneway, roundabouts) and its travel time at the way's speed.
/// </summary>
public static class RoadGraphBuilder
{
    public static (RoadGraph Graph, BuildReport Report) Build(IReadOnlyList<RoadLine> lines, RoadOptions options)
    {
        var nodes = new Dictionary<long, int>();
        var lat = new List<double>();
        var lon = new List<double>();
        var from = new List<int>();
        var to = new List<int>();
        var meters = new List<double>();
        var forward = new List<double>();
        var backward = new List<double>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        int used = 0, maxspeedIgnored = 0, onewayOdd = 0;

        foreach (var line in lines)
        {
            if (!options.SpeedKmh.TryGetValue(line.Highway, out var classKmh) || classKmh <= 0)
            {
                skipped[line.Highway] = skipped.GetValueOrDefault(line.Highway) + 1;
                continue;
            }
            used++;
            var limit = Maxspeed.Kmh(line.Maxspeed);
            if (limit is null && !string.IsNullOrWhiteSpace(line.Maxspeed)) maxspeedIgnored++;
            var metersPerSecond = (limit ?? classKmh) * options.AmbulanceFactor / 3.6;
            var direction = Oneway.Of(line.Oneway, line.Junction, out var understood);
            if (!understood) onewayOdd++;

            var previous = NodeAt(0);
            for (var i = 1; i < line.PositionCount; i++)
            {
                var next = NodeAt(i);
                if (next == previous) continue; // a repeated position adds nothing
                var length = GreatCircle.Meters(new GeoPoint(lat[previous], lon[previous]), new GeoPoint(lat[next], lon[next]));
                var seconds = length / metersPerSecond;
                from.Add(previous);
                to.Add(next);
                meters.Add(length);
                forward.Add(direction.HasFlag(Direction.Forward) ? seconds : double.PositiveInfinity);
                backward.Add(direction.HasFlag(Direction.Backward) ? seconds : double.PositiveInfinity);
                previous = next;
            }

            int NodeAt(int i)
            {
                var (x, y) = (line.LonLat[2 * i], line.LonLat[(2 * i) + 1]);
                // Same position to 7 decimals (OSM's precision, about 1 cm) = same node.
                var key = ((long)Math.Round(y * 1e7) << 32) | (uint)(int)Math.Round(x * 1e7);
                if (nodes.TryGetValue(key, out var id)) return id;
                id = lat.Count;
                nodes.Add(key, id);
                lat.Add(y);
                lon.Add(x);
                return id;
            }
        }

        var graph = new RoadGraph([.. lat], [.. lon], [.. from], [.. to], [.. meters], [.. forward], [.. backward]);
        var features = lines.Count == 0 ? 0 : lines.Select(l => l.Index).Distinct().Count();
        return (graph, new BuildReport(features, used, skipped, maxspeedIgnored, onewayOdd));
    }
}
