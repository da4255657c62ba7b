using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dispatch.Api.Auth;

public static class AuthSetup
{
    public const string BearerScheme = "Bearer";
    private const string Smart = "Psc119";

    /// <summary>
    /// Cookies for browsers, bearer tokens for devices and scripts (ASP.NET Core's built-in
    /// handlers), and X-Api-Key for the telephony line. A policy scheme picks per request.
    /// </summary>
    public static IServiceCollection AddDispatchAuth(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || (ctx.Request.Path.StartsWithSegments(Events.DispatchHub.Path) && ctx.Request.Query.ContainsKey("access_token"))
                    ? BearerScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "psc119";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(13); // a 12-hour shift and handover
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddBearerToken(BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(13);
                // WebSockets cannot send headers: the SignalR client passes the token in the query.
                o.Events.OnMessageReceived = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments(Events.DispatchHub.Path) && ctx.Request.Query.TryGetValue("access_token", out var token))
                        ctx.Token = token;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        // A token lives no longer than its session (Auth:SessionLifetime); the session row ends it sooner on sign-out.
        services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(BearerScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<AuthOptions>>((o, auth) => o.BearerTokenExpiration = auth.Value.SessionLifetime);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Operators, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(Policies.Crew, p => p.RequireAuthenticatedUser().RequireRole(Roles.Crew).RequireClaim(CurrentUser.UnitClaim))
            .AddPolicy(Policies.HubListener, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Admin, Roles.Crew))
            .AddPolicy(Policies.EventListener, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Admin, Roles.Crew, Roles.Facility))
            .AddPolicy(Policies.Facility, p => p.RequireAuthenticatedUser().RequireRole(Roles.Facility).RequireClaim(CurrentUser.FacilityClaim))
            .AddPolicy(Policies.FacilityWriters, p => p.RequireAuthenticatedUser().RequireRole(Roles.Facility, Roles.Admin))
            .AddPolicy(Policies.FacilityWatchers, p => p.RequireAuthenticatedUser().RequireRole(Roles.Facility, Roles.Operator, Roles.Admin))
            .AddPolicy(Policies.FacilityReaders, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Admin, Roles.Crew, Roles.Facility))
            .AddPolicy(Policies.Reports, p => p.RequireAuthenticatedUser().RequireRole(Roles.HealthOffice, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.SecondFactor, p => p.RequireAuthenticatedUser().RequireRole(Roles.SecondFactor))
            .AddPolicy(Policies.AnyUser, p => p.RequireAuthenticatedUser().RequireRole(Roles.Users))
            .AddPolicy(Policies.Telephony, p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Telephony))
            // Anything mapped without a policy is refused rather than left open.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Admin).Build());

        services.AddOptions<TelephonyOptions>().BindConfiguration(TelephonyOptions.Section);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.SessionLifetime > TimeSpan.Zero && o.SignInBurst > 0 && o.SignInPerMinute > 0 && o.ConcurrentPasswordChecks > 0,
                "Auth:SessionLifetime, SignInBurst, SignInPerMinute and ConcurrentPasswordChecks must be positive.")
            .Validate(o => o.RequireTotpForRoles.All(r => r is Roles.Admin or Roles.HealthOffice),
                "Auth:RequireTotpForRoles may list admin and healthoffice (the roles that can turn on a second factor).")
            .ValidateOnStart();
        services.AddSignInRateLimit();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<PasswordChecks>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SecondFactor>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<SessionGuard>();
        return services;
    }
}
