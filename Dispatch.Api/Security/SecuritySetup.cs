namespace Dispatch.Api.Security;

public static class SecuritySetup
{
    public static IServiceCollection AddSecurityEvents(this IServiceCollection services)
    {
        services.AddSingleton<SecurityEvents>();
        services.AddSingleton<SecurityEventStore>();
        services.AddHostedService<SecurityEventWriter>();
        return services;
    }

    /// <summary>
    /// Records every 403 (a signed-in user refused by role, or a crew reaching for another unit),
    /// with the method and path only: the query and body may carry a caller's data.
    /// </summary>
    public static void UseForbiddenEvents(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status403Forbidden)
            {
                context.RequestServices.GetRequiredService<SecurityEvents>().Record(SecurityEventKinds.Forbidden, context,
                    new { method = context.Request.Method, path = context.Request.Path.Value });
            }
        });
}
