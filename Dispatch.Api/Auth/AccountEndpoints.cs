using Dispatch.Api.Database;
using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Auth;

/// <summary>What signed-in people do to their own account: change the password, turn a second factor on or off.</summary>
public static partial class AuthEndpoints
{
    private const int MaxBody = 4 * 1024;

    public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword)
    {
        public Validation Validate() => new Validation()
            .Required("currentPassword", CurrentPassword, PasswordPolicy.MaxLength)
            .Password("newPassword", NewPassword)
            .Check(NewPassword is null || NewPassword != CurrentPassword, "newPassword", "'newPassword' must differ from the current password.");
    }

    public sealed record TotpSetupResponse(string Secret, string Uri);

    public sealed record TotpCodeRequest(string? Code, string? Password)
    {
        public Validation Validate(bool needsPassword) => new Validation()
            .Required("code", Code, 10)
            .Check(!needsPassword || !string.IsNullOrEmpty(Password), "password", "'password' is required.")
            .MaxLength("password", Password, PasswordPolicy.MaxLength);
    }

    private static void MapAccount(RouteGroupBuilder group)
    {
        group.MapPost("/password", ChangePassword).RequireAuthorization(Policies.AnyUser)
            .Accepts<PasswordChangeRequest>("application/json").Produces<MeResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Change your own password (currentPassword, newPassword: 12-128 characters, not a common one). Your other sessions end.");
        group.MapPost("/totp/setup", SetUpTotp).RequireAuthorization(Policies.SecondFactor)
            .Produces<TotpSetupResponse>()
            .WithSummary("Start turning on a second factor: answers the secret and its otpauth:// URI for an authenticator app; /totp/enable with a first code completes it.");
        group.MapPost("/totp/enable", EnableTotp).RequireAuthorization(Policies.SecondFactor)
            .Accepts<TotpCodeRequest>("application/json").Produces<MeResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Turn the second factor on with the first code the app shows (code).");
        group.MapPost("/totp/disable", DisableTotp).RequireAuthorization(Policies.SecondFactor)
            .Accepts<TotpCodeRequest>("application/json").Produces<MeResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Turn the second factor off (password and a current code); refused when Auth:RequireTotpForRoles lists your role.");
    }

    private static Task<IResult> ChangePassword(HttpContext http, CurrentUser me, Db db, UserStore users, SessionStore sessions, SessionGuard guard,
        LoginThrottle throttle, PasswordChecks checks, TimeProvider time, CancellationToken ct) =>
        RequestBody.HandleAsync<PasswordChangeRequest>(http, MaxBody, r => r.Validate(), async r =>
        {
            using var admitted = await checks.AdmitAsync(ct);
            if (admitted is null) return Busy(http);
            var account = await db.ReadAsync(s => users.FindAsync(s, me.Name), ct) ?? throw new NotFound("User");
            // A session left open must not become a way to guess the password: counted as sign-ins are.
            var key = $"{account.UserName}|{http.Connection.RemoteIpAddress}";
            var attempt = await throttle.AttemptAsync(key, account.UserName, ct);
            if (attempt.Wait > TimeSpan.Zero) return Throttled(http, attempt.Wait);
            if (attempt.SlowDown > TimeSpan.Zero && !await admitted.PauseAsync(attempt.SlowDown, time, ct)) return Busy(http);
            var (ran, result) = await checks.RunAsync(() =>
                Hasher.VerifyHashedPassword(account, account.PasswordHash, r.CurrentPassword!) == PasswordVerificationResult.Failed
                    ? null
                    : Hasher.HashPassword(account, r.NewPassword!), ct);
            if (!ran) return Busy(http);
            if (result is not { } hash)
            {
                return TypedResults.Problem("The current password is not right.", statusCode: StatusCodes.Status400BadRequest,
                    extensions: ProblemMapping.Code("wrong-current-password"));
            }
            await db.WriteAsync(account.UserName, async s =>
            {
                await users.ChangePasswordAsync(s, account.Id, hash);
                // Whoever else holds a session of this account (a copied cookie) is signed out.
                if (me.SessionId is { } current) await sessions.EndOthersAsync(s, account.Id, current);
                s.Log("user.password-changed", details: new { username = account.UserName });
                return 0;
            }, ct);
            await throttle.SucceededAsync(key, account.UserName, ct);
            guard.Forget(account.UserName);
            http.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.PasswordChanged, http);
            account.MustChangePassword = false;
            return TypedResults.Ok(MeResponse.From(account, guard));
        });

    private static async Task<IResult> SetUpTotp(CurrentUser me, Db db, UserStore users, SecondFactor secondFactor, CancellationToken ct)
    {
        var (stored, secret, uri) = secondFactor.NewSecret(me.Name);
        await db.WriteAsync(me.Name, async s =>
        {
            var account = await users.FindAsync(s, me.Name) ?? throw new NotFound("User");
            // The pending secret waits beside a running one: it is turned on by its first code only.
            account.TotpPending = stored;
            await users.SetTotpAsync(s, account);
            return 0;
        }, ct);
        return TypedResults.Ok(new TotpSetupResponse(secret, uri));
    }

    private static Task<IResult> EnableTotp(HttpContext http, CurrentUser me, Db db, UserStore users, SecondFactor secondFactor, SessionGuard guard, CancellationToken ct) =>
        RequestBody.HandleAsync<TotpCodeRequest>(http, MaxBody, r => r.Validate(needsPassword: false), async r =>
        {
            var account = await db.WriteAsync(me.Name, async s =>
            {
                var account = await users.FindAsync(s, me.Name) ?? throw new NotFound("User");
                if (account.TotpPending is null || secondFactor.Verify(account.TotpPending, r.Code) is not { } step) return null;
                account.TotpSecret = account.TotpPending;
                account.TotpPending = null;
                account.TotpLastStep = step;
                await users.SetTotpAsync(s, account);
                s.Log("user.totp-enabled", details: new { username = account.UserName });
                return account;
            }, ct);
            if (account is null)
            {
                return TypedResults.Problem("The code is not right; start again or use the newest code from your app.", statusCode: StatusCodes.Status400BadRequest,
                    extensions: ProblemMapping.Code("wrong-totp-code"));
            }
            guard.Forget(me.Name);
            http.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.TotpEnabled, http);
            return TypedResults.Ok(MeResponse.From(account, guard));
        });

    private static Task<IResult> DisableTotp(HttpContext http, CurrentUser me, Db db, UserStore users, SecondFactor secondFactor, SessionGuard guard,
        PasswordChecks checks, CancellationToken ct) =>
        RequestBody.HandleAsync<TotpCodeRequest>(http, MaxBody, r => r.Validate(needsPassword: true), async r =>
        {
            if (guard.TotpRequired(me.Role))
                throw new RuleViolation("totp-mandatory", "Your role must use a second factor (Auth:RequireTotpForRoles).");
            var account = await db.ReadAsync(s => users.FindAsync(s, me.Name), ct) ?? throw new NotFound("User");
            var (ran, right) = await checks.RunAsync(() => Hasher.VerifyHashedPassword(account, account.PasswordHash, r.Password!) != PasswordVerificationResult.Failed, ct);
            if (!ran) return Busy(http);
            if (!right || account.TotpSecret is null || secondFactor.Verify(account.TotpSecret, r.Code) is null)
            {
                return TypedResults.Problem("The password or the code is not right.", statusCode: StatusCodes.Status400BadRequest,
                    extensions: ProblemMapping.Code("wrong-totp-code"));
            }
            await db.WriteAsync(me.Name, async s =>
            {
                account.TotpSecret = account.TotpPending = null;
                account.TotpLastStep = null;
                await users.SetTotpAsync(s, account);
                s.Log("user.totp-disabled", details: new { username = account.UserName });
                return 0;
            }, ct);
            guard.Forget(me.Name);
            http.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.TotpDisabled, http);
            return TypedResults.Ok(MeResponse.From(account, guard));
        });
}
