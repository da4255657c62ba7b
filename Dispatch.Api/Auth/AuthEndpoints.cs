using System.Globalization;
using System.Security.Claims;
using Dispatch.Api.Database;
using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Auth;

public static partial class AuthEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password, string? TotpCode);

    /// <summary>
    /// The signed-in user. <c>mustChangePassword</c> / <c>totpEnrolmentRequired</c>: until done,
    /// every API but /api/auth answers 403 (password-change-required / totp-enrolment-required).
    /// </summary>
    /// <param name="TotpAvailable">The role may turn on a second factor (the account page offers it).</param>
    public sealed record MeResponse(string Username, string Role, long? UnitId, bool MustChangePassword, bool TotpEnrolmentRequired, bool TotpEnabled, bool TotpAvailable,
        long? FacilityId = null)
    {
        public static MeResponse From(UserAccount u, SessionGuard guard) =>
            new(u.UserName, u.Role, u.UnitId, u.MustChangePassword, u.TotpSecret is null && guard.TotpRequired(u.Role), u.TotpSecret is not null,
                Roles.SecondFactor.Contains(u.Role), u.FacilityId);
    }

    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
            .Accepts<LoginRequest>("application/json")
            .Produces<MeResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Sign in (totpCode when a second factor is on). useCookies=true sets a cookie session (browsers); otherwise returns { accessToken, expiresIn } for devices and scripts.");
        group.MapPost("/logout", Logout).RequireAuthorization(Policies.AnyUser)
            .WithSummary("Sign out: the session ends on the server, so a copy of its cookie or token stops working too.");
        group.MapGet("/me", Me).RequireAuthorization(Policies.AnyUser);
        group.MapGet("/antiforgery", (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
                TypedResults.Ok(new { requestToken = antiforgery.GetAndStoreTokens(http).RequestToken }))
            .RequireAuthorization(Policies.AnyUser)
            .WithSummary("The token a cookie session sends as X-CSRF-TOKEN on every state-changing request.");
        MapAccount(group);
    }

    private static readonly UserAccount NoUser = new();
    private static readonly PasswordHasher<UserAccount> Hasher = new();
    private static readonly string NoUserHash = Hasher.HashPassword(NoUser, Guid.NewGuid().ToString("N"));

    private static IResult Throttled(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem("Too many failed sign-ins; wait and try again.", statusCode: StatusCodes.Status429TooManyRequests,
            extensions: ProblemMapping.Code("sign-in-throttled"));
    }

    private static IResult Busy(HttpContext http, Telemetry.DispatchMetrics metrics)
    {
        metrics.SignInFailed("sign-in-busy");
        return Busy(http);
    }

    private static IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ProblemMapping.RetryAfterSeconds;
        return TypedResults.Problem("Too many sign-ins at once; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: ProblemMapping.Code("sign-in-busy"));
    }

    private static async Task<IResult> Login(HttpContext http, bool? useCookies, Db db, UserStore users, LoginThrottle throttle, PasswordChecks checks,
        SessionStore sessions, SessionGuard guard, SecondFactor secondFactor, IOptions<AuthOptions> options, TimeProvider time,
        Security.SecurityEvents securityEvents, Telemetry.DispatchMetrics metrics, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<LoginRequest>(http, 4 * 1024);
        if (body.Problem is not null) return body.Problem;
        var request = body.Value!;
        var errors = new Validation()
            .Required("username", request.Username, TextLimits.UserName)
            .Required("password", request.Password, PasswordPolicy.MaxLength)
            .MaxLength("totpCode", request.TotpCode, 10);
        if (errors.Problem is { } invalid) return invalid;

        // A flood waits here, before any database work, and is turned away when it waited too long.
        using var admitted = await checks.AdmitAsync(ct);
        if (admitted is null) return Busy(http, metrics);
        var user = await db.ReadAsync(s => users.FindAsync(s, request.Username!), ct);
        // Keyed on the stored name when there is one: spellings the database takes for the same
        // name (trailing spaces on SQL Server, other case) share one count.
        var name = user?.UserName ?? request.Username!.Trim();
        var key = $"{name}|{http.Connection.RemoteIpAddress}";
        var attempt = await throttle.AttemptAsync(key, name, ct);
        if (attempt.Wait > TimeSpan.Zero)
        {
            // The name only when it is an account's: a name typed wrong may be someone's password.
            securityEvents.Record(Security.SecurityEventKinds.SignInThrottled, http, Known(user), user?.UserName);
            metrics.SignInFailed("sign-in-throttled");
            return Throttled(http, attempt.Wait);
        }
        // Many failures on this account from anywhere: slower, never closed (see LoginThrottle).
        if (attempt.SlowDown > TimeSpan.Zero && !await admitted.PauseAsync(attempt.SlowDown, time, ct)) return Busy(http, metrics);

        // An unknown or disabled name costs the same hashing as a real one: the answer's timing
        // does not tell which names exist.
        var (ran, verdict) = await checks.RunAsync(() => Hasher.VerifyHashedPassword(user ?? NoUser, user?.PasswordHash ?? NoUserHash, request.Password!), ct);
        if (!ran) return Busy(http, metrics);
        if (user is null || user.Disabled) verdict = PasswordVerificationResult.Failed;
        if (verdict == PasswordVerificationResult.Failed)
        {
            securityEvents.Record(Security.SecurityEventKinds.SignInFailed, http, Known(user), user?.UserName);
            metrics.SignInFailed("wrong-credentials");
            return TypedResults.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized,
                extensions: ProblemMapping.Code("wrong-credentials"));
        }
        if (user!.TotpSecret is { } secret)
        {
            if (string.IsNullOrWhiteSpace(request.TotpCode))
                return TypedResults.Problem("Enter the code from your authenticator app.", statusCode: StatusCodes.Status401Unauthorized,
                    extensions: ProblemMapping.Code("totp-required"));
            // A code is taken once: a second sign-in with the same code (seen over a shoulder) fails.
            if (secondFactor.Verify(secret, request.TotpCode) is not { } step
                || !await db.WriteAsync(user.UserName, s => users.UseTotpStepAsync(s, user.Id, step), ct))
            {
                securityEvents.Record(Security.SecurityEventKinds.SignInFailed, http, new { secondFactor = true }, user.UserName);
                metrics.SignInFailed("wrong-totp-code");
                return TypedResults.Problem("The code is not right; use the newest code from your app.", statusCode: StatusCodes.Status401Unauthorized,
                    extensions: ProblemMapping.Code("wrong-totp-code"));
            }
        }
        try
        {
            await throttle.SucceededAsync(key, name, ct); // the attempt was counted before the check
        }
        catch (Exception error) when (db.Dialect.IsTransient(error))
        {
            // A right password is never refused for this: the count runs out by itself.
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = Hasher.HashPassword(user, request.Password!);
            await db.WriteAsync(user.UserName, async s => { await users.RehashAsync(s, user.Id, rehashed); return 0; }, ct);
        }

        var sessionId = SessionStore.NewId();
        await db.WriteAsync(user.UserName, async s => { await sessions.OpenAsync(s, sessionId, user.Id, s.Now + options.Value.SessionLifetime); return 0; }, ct);
        guard.Forget(user.UserName); // the new session is seen at once
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName), new(ClaimTypes.Role, user.Role),
            new(CurrentUser.SessionStampClaim, user.SessionStamp), new(CurrentUser.SessionIdClaim, sessionId),
        };
        if (user.UnitId is { } unit) claims.Add(new Claim(CurrentUser.UnitClaim, unit.ToString(CultureInfo.InvariantCulture)));
        if (user.FacilityId is { } facility) claims.Add(new Claim(CurrentUser.FacilityClaim, facility.ToString(CultureInfo.InvariantCulture)));
        var scheme = useCookies == true ? CookieAuthenticationDefaults.AuthenticationScheme : AuthSetup.BearerScheme;
        // The bearer handler writes { tokenType, accessToken, expiresIn, refreshToken } itself.
        await http.SignInAsync(scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)));
        securityEvents.Record(Security.SecurityEventKinds.SignIn, http, new { role = user.Role, session = useCookies == true ? "cookie" : "bearer" }, user.UserName);
        return useCookies == true ? TypedResults.Ok(MeResponse.From(user, guard)) : TypedResults.Empty;
    }

    /// <summary>Whether the name given was an account's (and whether it is disabled): never the name typed.</summary>
    private static object Known(UserAccount? user) => new { knownUser = user is not null, disabled = user?.Disabled == true };

    private static async Task<NoContent> Logout(HttpContext http, CurrentUser me, Db db, UserStore users, SessionStore sessions, SessionGuard guard,
        Security.SecurityEvents securityEvents, CancellationToken ct)
    {
        securityEvents.Record(Security.SecurityEventKinds.SignOut, http);
        if (me.SessionId is { } sessionId)
        {
            await db.WriteAsync(me.Name, async s =>
            {
                if (await users.FindAsync(s, me.Name) is { } account) await sessions.EndAsync(s, account.Id, sessionId);
                return 0;
            }, ct);
            guard.Forget(me.Name); // after the commit
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> Me(CurrentUser me, Db db, UserStore users, SessionGuard guard, CancellationToken ct) =>
        await db.ReadAsync(s => users.FindAsync(s, me.Name), ct) is { } account
            ? TypedResults.Ok(MeResponse.From(account, guard))
            : TypedResults.Unauthorized();
}
