using Dispatch.Core.Geography;
using Dispatch.Core.Routing;

namespace Dispatch.Core.Recommendation;

/// <summary>
/// Replaces the straight-line estimates of a shortlist by routed travel times, with one search
/// from the incident over the reversed road graph. A unit that cannot be routed keeps its
/// straight-line estimate and its reason says why.
/// </summary>
internal static class RoadRanking
{
    public static void Apply(RoadNetwork roads, GeoPoint incident, List<CandidateDraft> drafts)
    {
        var from = new GeoPoint[drafts.Count];
        for (var i = 0; i < drafts.Count; i++) from[i] = drafts[i].From;
        var outcomes = roads.ToTarget(incident, from, withPath: false);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var c = d.Candidate;
            d.Candidate = outcomes[i].Route is { } route
                ? c with
                {
                    EtaSeconds = Math.Round(route.Seconds),
                    RoadMeters = Math.Round(route.Meters),
                    EtaBasis = EtaBasis.Road,
                    Reason = CandidateDraft.RoadText(route.Meters, route.Seconds, c.DistanceMeters) + d.Tail,
                }
                : c with
                {
                    Reason = CandidateDraft.StraightLineText(c.DistanceMeters, c.EtaSeconds)
                        + $" (straight-line estimate: no road route, {outcomes[i].Explain(roads.MaxSnapMeters)})" + d.Tail,
                };
        }
    }
}
