namespace Dispatch.Api.Routing;

/// <summary>
/// Whether arrival times come from the road network ("road") or from straight lines
/// ("straightLine"), and why; shown on /health/details and in the console. <see cref="Error"/> is the
/// last load's refusal (the file and the feature at fault); after a failed reload the network
/// loaded before stays in use and the error says so.
/// </summary>
public sealed record RoadStatus(
    string Mode,
    string? File,
    DateTimeOffset? LoadedAt,
    int Nodes,
    int Segments,
    int Features,
    IReadOnlyDictionary<string, int>? SkippedClasses,
    int MaxspeedIgnored,
    double? BuildMilliseconds,
    string? Error)
{
    public const string Road = "road";
    public const string StraightLine = "straightLine";

    public static readonly RoadStatus NotConfigured = new(StraightLine, null, null, 0, 0, 0, null, 0, null, null);
}
