using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Units;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Planning;

/// <summary>
/// What the planning page starts from: today's stations and facilities (positions, kind) and units
/// (type and home station, no live status or crew), and the response targets. The page builds its
/// scenario editor from it: a scenario lists only what it changes.
/// </summary>
public static class PlanningSetup
{
    public sealed record StationChoice(long Id, string Name, StationKind Kind, double Lat, double Lon, bool IsSample);

    public sealed record UnitChoice(long Id, string CallSign, UnitType Type, long? HomeStationId);

    /// <param name="TargetSeconds">Call-to-on-scene target per triage (seconds; null = none).</param>
    public sealed record Setup(IReadOnlyList<StationChoice> Stations, IReadOnlyList<UnitChoice> Units, IReadOnlyDictionary<Triage, double?> TargetSeconds);

    public static void MapPlanningSetup(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/planning/setup", async (Db db, StationStore stations, UnitStore units, IOptions<TriageOptions> triage, CancellationToken ct) =>
            {
                var (s, u) = await db.ReadAsync(async session => (await stations.ListAsync(session), await units.ListAsync(session)), ct);
                return TypedResults.Ok(new Setup(
                    s.Select(x => new StationChoice(x.Id, x.Name, x.Kind, x.Lat, x.Lon, x.IsSample)).ToList(),
                    u.Select(x => new UnitChoice(x.Id, x.CallSign, x.Type, x.HomeStationId)).ToList(),
                    Enum.GetValues<Triage>().ToDictionary(t => t, t => triage.Value.Target(t)?.TotalSeconds)));
            })
            .RequireAuthorization(Policies.Reports).WithTags("Planning")
            .Produces<Setup>()
            .WithSummary("Today's stations and facilities (id, name, kind, position) and units (id, call sign, type, home station) and the response targets: what the planning page's scenario editor starts from.");
}
