using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Collections.Concurrent;
using Dispatch.Api.Database;

namespace Dispatch.Api.Auth;

/// <summary>
/// Ends sessions that an administrator has overtaken: a disabled user, or one whose role or unit
/// changed, is refused (401) on the next request, whether signed in by cookie or bearer token.
/// Accounts are cached for a few seconds and dropped at once when an admin changes them.
/// </summary>
public sealed class SessionGuard(Db db, UserStore users, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (UserAccount? Account, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public void Forget(string userName) => _cache.TryRemove(userName, out _);

    public async Task<bool> IsCurrentAsync(CurrentUser user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(user.Name, out var entry) || entry.Until < now)
        {
            entry = (await db.ReadAsync(s => users.FindAsync(s, user.Name), ct), now + CacheFor);
            _cache[user.Name] = entry;
        }
        return entry.Account is { Disabled: false } account && account.Role == user.Role && account.UnitId == user.UnitId;
    }

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
                if (context.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            await next(context);
        });
}
