using System.Security.Claims;
using Dispatch.Api.Database;
using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Auth;

public static class AuthEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record MeResponse(string Username, string Role, long? UnitId);

    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous()
            .Accepts<LoginRequest>("application/json")
            .WithSummary("Sign in. useCookies=true sets a cookie session (browsers); otherwise returns { accessToken, expiresIn } for devices and scripts.");
        group.MapPost("/logout", (Delegate)Logout).RequireAuthorization(Policies.AnyUser);
        group.MapGet("/me", Me).RequireAuthorization(Policies.AnyUser);
        group.MapGet("/antiforgery", (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
                TypedResults.Ok(new { requestToken = antiforgery.GetAndStoreTokens(http).RequestToken }))
            .RequireAuthorization(Policies.AnyUser)
            .WithSummary("The token a cookie session sends as X-CSRF-TOKEN on every state-changing request.");
    }

    private static readonly UserAccount NoUser = new();
    private static readonly string NoUserHash = new PasswordHasher<UserAccount>().HashPassword(NoUser, Guid.NewGuid().ToString("N"));

    private static async Task<IResult> Login(HttpContext http, bool? useCookies, Db db, UserStore users, LoginThrottle throttle,
        Security.SecurityEvents securityEvents, Telemetry.DispatchMetrics metrics, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<LoginRequest>(http, 4 * 1024);
        if (body.Problem is not null) return body.Problem;
        var request = body.Value!;
        var errors = new Validation()
            .Required("username", request.Username, TextLimits.UserName)
            .Required("password", request.Password, 200);
        if (errors.Problem is { } invalid) return invalid;

        var user = await db.ReadAsync(s => users.FindAsync(s, request.Username!), ct);
        // Keyed on the stored name when there is one: spellings the database takes for the same
        // name (trailing spaces on SQL Server, other case) share one count.
        var key = $"{user?.UserName ?? request.Username!.Trim()}|{http.Connection.RemoteIpAddress}";
        var wait = await throttle.AttemptAsync(key, ct);
        if (wait > TimeSpan.Zero)
        {
            // The name only when it is an account's: a name typed wrong may be someone's password.
            securityEvents.Record(Security.SecurityEventKinds.SignInThrottled, http, Known(user), user?.UserName);
            metrics.SignInFailed("sign-in-throttled");
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem("Too many failed sign-ins; wait and try again.", statusCode: StatusCodes.Status429TooManyRequests,
                extensions: ProblemMapping.Code("sign-in-throttled"));
        }

        var hasher = new PasswordHasher<UserAccount>();
        // An unknown or disabled name costs the same hashing as a real one: the answer's timing
        // does not tell which names exist.
        var verdict = hasher.VerifyHashedPassword(user ?? NoUser, user?.PasswordHash ?? NoUserHash, request.Password!);
        if (user is null || user.Disabled) verdict = PasswordVerificationResult.Failed;
        if (verdict == PasswordVerificationResult.Failed)
        {
            securityEvents.Record(Security.SecurityEventKinds.SignInFailed, http, Known(user), user?.UserName);
            metrics.SignInFailed("wrong-credentials");
            return TypedResults.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized,
                extensions: ProblemMapping.Code("wrong-credentials"));
        }
        try
        {
            await throttle.SucceededAsync(key, ct); // the attempt was counted before the check
        }
        catch (Exception error) when (db.Dialect.IsTransient(error))
        {
            // A right password is never refused for this: the count runs out by itself.
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await db.WriteAsync(user!.UserName, async s => { await users.RehashAsync(s, user.Id, hasher.HashPassword(user, request.Password!)); return 0; }, ct);

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user!.UserName), new(ClaimTypes.Role, user.Role), new(CurrentUser.SessionStampClaim, user.SessionStamp),
        };
        if (user.UnitId is { } unit) claims.Add(new Claim(CurrentUser.UnitClaim, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var scheme = useCookies == true ? CookieAuthenticationDefaults.AuthenticationScheme : AuthSetup.BearerScheme;
        // The bearer handler writes { tokenType, accessToken, expiresIn, refreshToken } itself.
        await http.SignInAsync(scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)));
        securityEvents.Record(Security.SecurityEventKinds.SignIn, http, new { role = user.Role, session = useCookies == true ? "cookie" : "bearer" }, user.UserName);
        return useCookies == true ? TypedResults.Ok(new MeResponse(user.UserName, user.Role, user.UnitId)) : TypedResults.Empty;
    }

    /// <summary>Whether the name given was an account's (and whether it is disabled): never the name typed.</summary>
    private static object Known(UserAccount? user) => new { knownUser = user is not null, disabled = user?.Disabled == true };

    private static async Task<NoContent> Logout(HttpContext http, Security.SecurityEvents securityEvents)
    {
        securityEvents.Record(Security.SecurityEventKinds.SignOut, http);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(CurrentUser user) => TypedResults.Ok(new MeResponse(user.Name, user.Role, user.UnitId));
}
