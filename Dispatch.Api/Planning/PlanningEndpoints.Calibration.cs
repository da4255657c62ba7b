using Dispatch.Api.Auth;
using Dispatch.Api.Reports;
using Dispatch.Api.Security;

namespace Dispatch.Api.Planning;

public static partial class PlanningEndpoints
{
    private static void MapCalibration(RouteGroupBuilder group)
    {
        group.MapGet("/calibration", async (HttpContext http, CalibrationDesk desk, CancellationToken ct) =>
                ReportFilter.Parse(http.Request.Query) is ({ } period, null) ? Results.Ok(await desk.FitAsync(period, ct)) : ReportFilter.Parse(http.Request.Query).Problem!)
            .Produces<CalibrationView>().ProducesValidationProblem()
            .WithSummary("Fits one speed factor to the period's trips (en route to on scene) whose start is trusted (the unit was back at its home station): " +
                         "factors relative to the configured speeds, fit (r2, maeSeconds, medianRatio), up to 2,000 predicted/observed points; the calibration in force.");
        group.MapPost("/calibration", async (CalibrationRequest request, HttpContext http, CurrentUser user, CalibrationDesk desk, SecurityEvents security, CancellationToken ct) =>
            {
                var (period, problem) = Period(request.From, request.To);
                if (problem is not null) return problem;
                var view = await desk.AcceptAsync(period!, user.Name, ct);
                security.Record(SecurityEventKinds.AdminChange, http, new { action = "road-calibration.accepted", view.Basis, factor = view.Factors![CalibrationDesk.All] });
                return Results.Ok(view);
            })
            .Accepts<CalibrationRequest>("application/json").Produces<CalibrationView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Refits on from..to and accepts the factor: the recommendation, routes and ETAs use the calibrated speeds (every node within Planning:CalibrationCheckSeconds). " +
                         "422 calibration-too-few below Planning:CalibrationMinObservations trips.");
        group.MapDelete("/calibration", async (HttpContext http, CurrentUser user, CalibrationDesk desk, SecurityEvents security, CancellationToken ct) =>
            {
                await desk.ClearAsync(user.Name, ct);
                security.Record(SecurityEventKinds.AdminChange, http, new { action = "road-calibration.cleared" });
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Returns to the configured speeds (Roads:SpeedKmh, Recommendation:SpeedKmh).");
    }
}
