using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Collections.Concurrent;
using Dispatch.Api.Database;

namespace Dispatch.Api.Auth;

/// <summary>
/// Ends sessions that an administrator has overtaken: a disabled user, one whose role or unit
/// changed, or one whose password was reset since the session opened, is refused (401) on the next
/// request, whether signed in by cookie or bearer token.
/// Accounts are cached for a few seconds and dropped at once when an admin changes them.
/// </summary>
public sealed class SessionGuard(Db db, UserStore users, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (UserAccount? Account, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private long _forgotten;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

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
        var session = $"{user.Name}|{user.SessionStamp}|{user.Role}|{user.UnitId}";
        if (_ended.TryGetValue(session, out var last) && now - last < TimeSpan.FromMinutes(1)) return;
        _ended[session] = now;
        if (_ended.Count > 10_000) _ended.Clear(); // a bound, not a cache worth keeping
        context.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.SessionEnded, context,
            new { role = user.Role, session = context.User.Identity?.AuthenticationType }, user.Name);
    }

    public async Task<bool> IsCurrentAsync(CurrentUser user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cached = _cache.TryGetValue(user.Name, out var entry) && entry.Until >= now;
        if (cached && Matches(entry.Account, user)) return true;
        // A refusal is never taken from the cache alone: a session opened on another node after a
        // change (e.g. with a password just reset) would otherwise be refused until the entry ages.
        if (cached && entry.Until - CacheFor > now - RecheckAfter) return false;
        var forgotten = Interlocked.Read(ref _forgotten);
        entry = (await db.ReadAsync(s => users.FindAsync(s, user.Name), ct), now + CacheFor);
        // A read that began before a change committed may return the old account: it answers this
        // request but is not cached if anything was forgotten meanwhile.
        if (Interlocked.Read(ref _forgotten) == forgotten) _cache[user.Name] = entry;
        return Matches(entry.Account, user);
    }

    // A session without a stamp (opened before stamps existed) is refused: one sign-in more, rather
    // than a cookie that sliding renewal would keep alive through every later password reset.
    private static bool Matches(UserAccount? account, CurrentUser user) =>
        account is { Disabled: false } && account.Role == user.Role && account.UnitId == user.UnitId
        && user.SessionStamp == account.SessionStamp;

    /// <summary>
    /// An overtaken session is dropped: its cookie is deleted and the request goes on as anonymous,
    /// so the API answers 401 while public pages (the login page) still load.
    /// </summary>
    public static void Use(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = CurrentUser.From(context.User);
            if (context.User.Identity?.IsAuthenticated == true && user.Role != Roles.Telephony
                && !await context.RequestServices.GetRequiredService<SessionGuard>().IsCurrentAsync(user, context.RequestAborted))
            {
                context.RequestServices.GetRequiredService<SessionGuard>().Ended(context, user);
                if (context.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            await next(context);
        });
}
