namespace Dispatch.Api.Planning;

public static class PlanningServices
{
    /// <summary>Simulations (one background worker), coverage, placement and the speed calibration (its watcher reloads accepted factors on every node).</summary>
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
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<SimulationStore>();
        services.AddSingleton<ScenarioBuilder>();
        services.AddSingleton<SimulationRunner>();
        services.AddSingleton<SimulationDesk>();
        services.AddSingleton<SimulationQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulationQueue>());
        return services;
    }
}
