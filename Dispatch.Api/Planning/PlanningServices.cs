namespace Dispatch.Api.Planning;

public static class PlanningServices
{
    /// <summary>Coverage, placement and the speed calibration (its watcher reloads accepted factors on every node).</summary>
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddSingleton<CoverageHistory>();
        services.AddSingleton<CoverageTravel>();
        services.AddSingleton<CoverageDesk>();
        services.AddSingleton<PlacementDesk>();
        services.AddOptions<PlanningOptions>().BindConfiguration(PlanningOptions.Section);
        services.AddSingleton<CalibrationStore>();
        services.AddSingleton<CalibrationDesk>();
        services.AddHostedService<CalibrationWatcher>();
        return services;
    }
}
