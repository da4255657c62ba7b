using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Web;

/// <summary>
/// Browser hardening: a Content-Security-Policy with no inline script, and antiforgery on every
/// state-changing request of a cookie session (bearer tokens and the telephony key are not sent
/// by browsers on their own, so they need none).
/// </summary>
public static class WebSecurity
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "psc119-af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    public static void UseSecurityHeaders(this IApplicationBuilder app)
    {
        var tiles = app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value.TileOrigin;
        var csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; font-src 'self'; "
                  + $"img-src 'self' data:{(tiles is null ? "" : " " + tiles)}; media-src 'self' data:; object-src 'none'; base-uri 'none'; "
                  + "form-action 'self'; frame-ancestors 'none'";
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
    }

    /// <summary>Refuses a state-changing cookie request without a valid antiforgery token (400).</summary>
    public static void UseCookieAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
            var cookieSession = context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
            // SignalR's own POSTs (negotiate, long polling) change nothing and cannot carry the header.
            if (unsafeMethod && cookieSession && !context.Request.Path.StartsWithSegments(Events.DispatchHub.Path))
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await Results.Problem("Missing or invalid antiforgery token (send X-CSRF-TOKEN from /api/auth/antiforgery).",
                        statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery",
                        extensions: Http.ProblemMapping.Code("antiforgery")).ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
}
