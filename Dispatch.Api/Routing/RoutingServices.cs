using Dispatch.Core.Routing;

namespace Dispatch.Api.Routing;

public static class RoutingServices
{
    /// <summary>Road options, the network host (loads at start, reloads on change) and the route desk.</summary>
    public static IServiceCollection AddRoadRouting(this IServiceCollection services)
    {
        services.AddOptions<RoadOptions>().BindConfiguration(RoadOptions.Section);
        services.AddSingleton<RoadNetworkHost>();
        services.AddHostedService(sp => sp.GetRequiredService<RoadNetworkHost>());
        services.AddSingleton<RouteDesk>();
        services.AddSingleton<TravelEstimator>();
        services.AddSingleton<Planning.SpeedCalibration>();
        return services;
    }
}
