namespace Dispatch.Core.Routing;

/// <summary>
/// One road line as read from the file: its OSM tags and its positions as flat
/// <c>lon, lat, lon, lat, ...</c> pairs. <see cref="Label"/> names the feature in messages.
/// </summary>
public sealed record RoadLine(int Index, string Label, string Highway, string? Oneway, string? Maxspeed, string? Junction, double[] LonLat)
{
    public int PositionCount => LonLat.Length / 2;
}

/// <summary>A road file that cannot be used; the message names the file and the feature at fault.</summary>
public sealed class RoadFileException(string message) : Exception(message);
