using System.Collections.Concurrent;
using System.Security.Claims;
using Dispatch.Api.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Auth;

/// <summary>What a session may do now.</summary>
public enum SessionState
{
    /// <summary>Signed out, past its absolute end, or overtaken by an administrator's change.</summary>
    Ended,
    Current,
    /// <summary>Signed in with a password an administrator set: only the password change is open.</summary>
    MustChangePassword,
    /// <summary>The role must use a second factor and none is turned on: only its enrolment is open.</summary>
    MustEnrolTotp,
}

/// <summary>
/// Ends sessions that are over: signed out (the server-side session row is gone), past their
/// absolute lifetime, or overtaken by an administrator (a disabled user, one whose role or unit
/// changed, or one whose password was reset since the session opened). Such a session is refused
/// (401) on the next request, whether signed in by cookie or bearer token.
/// Accounts and their live sessions are cached for a few seconds and dropped at once when they
/// change on this node; another node sees the change within <see cref="CacheFor"/>.
/// </summary>
public sealed class SessionGuard(Db db, UserStore users, SessionStore sessions, TimeProvider time, IOptions<AuthOptions> options)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);
    private static readonly IReadOnlyDictionary<string, long> NoSessions = new Dictionary<string, long>();
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.OrdinalIgnoreCase);
    private long _forgotten;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    private sealed record Entry(UserAccount? Account, IReadOnlyDictionary<string, long> Sessions, DateTimeOffset Until);

    /// <summary>Drops the cached account (call after the change has committed).</summary>
    public void Forget(string userName)
    {
        Interlocked.Increment(ref _forgotten);
        _cache.TryRemove(userName, out _);
    }

    /// <summary>
    /// Records a session ended by an administrator's change, once a minute per session on this node:
    /// a phone that keeps trying with its old token would otherwise fill the security log.
    /// </summary>
    private void Ended(HttpContext context, CurrentUser user)
    {
        var now = time.GetUtcNow();
        var session = $"{user.Name}|{user.SessionStamp}|{user.Role}|{user.UnitId}|{user.FacilityId}";
        if (_ended.TryGetValue(session, out var last) && now - last < TimeSpan.FromMinutes(1)) return;
        _ended[session] = now;
        if (_ended.Count > 10_000) _ended.Clear(); // a bound, not a cache worth keeping
        context.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.SessionEnded, context,
            new { role = user.Role, session = context.User.Identity?.AuthenticationType }, user.Name);
    }

    public async Task<bool> IsCurrentAsync(CurrentUser user, CancellationToken ct) => await CheckAsync(user, ct) != SessionState.Ended;

    public async Task<SessionState> CheckAsync(CurrentUser user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cached = _cache.TryGetValue(user.Name, out var entry) && entry!.Until >= now;
        if (cached && State(entry!, user, now) is var state and not SessionState.Ended) return state;
        // A refusal is never taken from the cache alone: a session opened on another node after a
        // change (e.g. with a password just reset) would otherwise be refused until the entry ages.
        // A session the entry does not know (just opened on another node) is always looked up.
        if (cached && entry!.Until - CacheFor > now - RecheckAfter && user.SessionId is { } id && entry.Sessions.ContainsKey(id))
            return SessionState.Ended;
        var forgotten = Interlocked.Read(ref _forgotten);
        entry = await db.ReadAsync(async s =>
        {
            var account = await users.FindAsync(s, user.Name);
            return new Entry(account, account is null ? NoSessions : await sessions.LiveAsync(s, account.Id, now), now + CacheFor);
        }, ct);
        // A read that began before a change committed may return the old account: it answers this
        // request but is not cached if anything was forgotten meanwhile.
        if (Interlocked.Read(ref _forgotten) == forgotten) _cache[user.Name] = entry;
        return State(entry, user, now);
    }

    // A session without a stamp or id (opened before they existed) is refused: one sign-in more,
    // rather than a cookie that sliding renewal would keep alive through every later change.
    private SessionState State(Entry entry, CurrentUser user, DateTimeOffset now)
    {
        if (entry.Account is not { Disabled: false } account || account.Role != user.Role || account.UnitId != user.UnitId
            || account.FacilityId != user.FacilityId // a hospital desk moved to another facility signs in again
            || user.SessionStamp != account.SessionStamp || user.SessionId is null
            || !entry.Sessions.TryGetValue(user.SessionId, out var expires) || expires <= now.ToUnixTimeMilliseconds())
            return SessionState.Ended;
        if (account.MustChangePassword) return SessionState.MustChangePassword;
        if (account.TotpSecret is null && TotpRequired(account.Role)) return SessionState.MustEnrolTotp;
        return SessionState.Current;
    }

    public bool TotpRequired(string role) => options.Value.RequireTotpForRoles.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// An ended session is dropped: its cookie is deleted and the request goes on as anonymous, so
    /// the API answers 401 while public pages (the login page) still load. A session that must
    /// change its password or enrol a second factor first reaches only /api/auth and the pages.
    /// </summary>
    public static void Use(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = CurrentUser.From(context.User);
            if (context.User.Identity?.IsAuthenticated == true && user.Role != Roles.Telephony)
            {
                var state = await context.RequestServices.GetRequiredService<SessionGuard>().CheckAsync(user, context.RequestAborted);
                if (state == SessionState.Ended)
                {
                    context.RequestServices.GetRequiredService<SessionGuard>().Ended(context, user);
                    if (context.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
                else if (state != SessionState.Current && Restricted(context.Request.Path))
                {
                    var (code, detail) = state == SessionState.MustChangePassword
                        ? ("password-change-required", "Choose a new password first (POST /api/auth/password).")
                        : ("totp-enrolment-required", "Turn on the second factor first (POST /api/auth/totp/setup).");
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = 403, Title = "Not yet.", Detail = detail, Extensions = { ["code"] = code } },
                    });
                    return;
                }
            }
            await next(context);
        });

    private static bool Restricted(PathString path) =>
        (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/auth") && !path.StartsWithSegments("/api/config"))
        || path.StartsWithSegments(Events.DispatchHub.Path);
}
