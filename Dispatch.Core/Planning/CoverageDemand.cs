namespace Dispatch.Core.Planning;

/// <summary>
/// Aggregates incidents into demand points: one per cell of about <c>cellMeters</c> within each
/// kelurahan, placed at the mean position of its incidents. When there are more than
/// <c>maxPoints</c> cells the cells double in size until there are not, so a province's history
/// stays a few thousand points (the travel matrix is sites x points).
/// </summary>
public sealed class CoverageDemand(double cellMeters = 250, int maxPoints = 3000)
{
    private const double MetersPerDegree = 111_320;

    private sealed class Cell
    {
        public double Lat, Lon, Incidents, Targeted;
    }

    private readonly Dictionary<(string, long, long), Cell> _cells = [];

    public void Add(double lat, double lon, string? kelurahan, bool targeted) => Put(_cells, cellMeters, kelurahan ?? "", lat, lon, 1, targeted ? 1 : 0);

    public IReadOnlyList<DemandPoint> Points()
    {
        var (cells, size) = (_cells, cellMeters);
        while (cells.Count > maxPoints)
        {
            size *= 2;
            var coarser = new Dictionary<(string, long, long), Cell>();
            foreach (var ((kelurahan, _, _), c) in cells) Put(coarser, size, kelurahan, c.Lat / c.Incidents, c.Lon / c.Incidents, c.Incidents, c.Targeted);
            cells = coarser;
        }
        return cells.OrderBy(c => c.Key).Select(c => new DemandPoint(c.Value.Lat / c.Value.Incidents, c.Value.Lon / c.Value.Incidents,
            c.Key.Item1, c.Value.Incidents, c.Value.Targeted)).ToList();
    }

    /// <summary>Adds <paramref name="incidents"/> at a position: positions are summed weighted, for the mean.</summary>
    private static void Put(Dictionary<(string, long, long), Cell> cells, double size, string kelurahan, double lat, double lon, double incidents, double targeted)
    {
        var y = (long)Math.Floor(lat * MetersPerDegree / size);
        var x = (long)Math.Floor(lon * MetersPerDegree * Math.Cos(lat * Math.PI / 180) / size);
        if (!cells.TryGetValue((kelurahan, y, x), out var cell)) cells[(kelurahan, y, x)] = cell = new Cell();
        cell.Lat += lat * incidents;
        cell.Lon += lon * incidents;
        cell.Incidents += incidents;
        cell.Targeted += targeted;
    }
}
