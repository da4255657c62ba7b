using System.Globalization;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Api.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Planning;

/// <summary>Planning for the health office (issue 16): coverage, placement and calibration. Roles healthoffice and admin.</summary>
public static partial class PlanningEndpoints
{
    public static void MapPlanning(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/planning").RequireAuthorization(Policies.Reports).WithTags("Planning");
        group.MapGet("/coverage", Coverage)
            .Produces<CoverageView>().ProducesValidationProblem()
            .WithSummary("Expected coverage (MEXCLP, each unit's busy fraction from history) of the period's closed incidents within the target " +
                         "(from, to: WIB days YYYY-MM-DD inclusive; targetMinutes, default the merah target), overall and per kelurahan; basis road or straightLine.");
        group.MapPost("/placement", Placement)
            .Accepts<PlacementRequest>("application/json").Produces<PlacementView>().ProducesValidationProblem()
            .WithSummary("Where one or more added units (add 1..5), or one moved station, cut expected late arrivals most, over candidate sites " +
                         "(points, facilityId or stationId; none = every facility): top 10 additions and top 10 moves, exact or greedy.");
        MapSimulations(group);
        MapCalibration(group);
    }

    private static async Task<IResult> Coverage(HttpContext http, CoverageDesk desk, CancellationToken ct)
    {
        var v = new Validation();
        var (period, problem) = ReportFilter.Parse(http.Request.Query);
        var target = TargetMinutes(http.Request.Query["targetMinutes"], v);
        if ((problem ?? v.Problem) is { } bad) return bad;
        return TypedResults.Ok(await desk.CoverageAsync(period!, desk.TargetSeconds(target), ct));
    }

    private static async Task<IResult> Placement(PlacementRequest request, CoverageDesk coverage, PlacementDesk desk, CancellationToken ct)
    {
        var (period, problem) = Period(request.From, request.To);
        var v = PlacementCandidates.Check(request, new Validation());
        if ((problem ?? v.Problem) is { } bad) return bad;
        var setup = await coverage.SetupAsync(period!, ct);
        var candidates = PlacementCandidates.Resolve(request.Candidates, setup.AllStations, v);
        if (v.Problem is { } unknown) return unknown;
        return TypedResults.Ok(desk.Place(period!, coverage.TargetSeconds(request.TargetMinutes), setup, candidates, request.Add ?? 1));
    }

    /// <summary>A body's from/to read exactly as the reports read their query (same messages, same limits).</summary>
    public static (ReportFilter? Period, IResult? Problem) Period(string? from, string? to) =>
        ReportFilter.Parse(new QueryCollection(new Dictionary<string, StringValues> { ["from"] = from ?? "", ["to"] = to ?? "" }));

    private static double? TargetMinutes(StringValues value, Validation v)
    {
        if (StringValues.IsNullOrEmpty(value)) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 240) return m;
        v.Add("targetMinutes", "'targetMinutes' must be a number of minutes, more than 0 and at most 240.");
        return null;
    }
}
