using Dispatch.Api.Database;

namespace Dispatch.Api.Auth;

/// <summary>
/// Sessions on the server (<c>user_sessions</c>): each cookie or bearer token carries its session's
/// id, and <see cref="SessionGuard"/> accepts it only while the row is there and not past its
/// absolute end. Signing out deletes the row, so a copied cookie or token stops working with it.
/// </summary>
public sealed class SessionStore
{
    private static readonly SqlText Insert = SqlText.Of("SessionStore.Insert",
        "INSERT INTO user_sessions (session_id, user_id, created_at, expires_at) VALUES (@SessionId, @UserId, @CreatedAt, @ExpiresAt)");

    private static readonly SqlText Live = SqlText.Of("SessionStore.Live",
        "SELECT session_id, expires_at FROM user_sessions WHERE user_id = @UserId AND expires_at > @Now");

    private static readonly SqlText Remove = SqlText.Of("SessionStore.Remove",
        "DELETE FROM user_sessions WHERE session_id = @SessionId AND user_id = @UserId");

    private static readonly SqlText RemoveOthers = SqlText.Of("SessionStore.RemoveOthers",
        "DELETE FROM user_sessions WHERE user_id = @UserId AND session_id <> @Keep");

    private static readonly SqlText Sweep = SqlText.Of("SessionStore.Sweep", "DELETE FROM user_sessions WHERE expires_at <= @Now");

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>Opens a session (and drops those that have run out, so the table stays small).</summary>
    public async Task OpenAsync(DbSession s, string sessionId, long userId, DateTimeOffset expires)
    {
        var now = s.Now.ToUnixTimeMilliseconds();
        await s.ExecuteAsync(Sweep, new { Now = now });
        await s.ExecuteAsync(Insert, new { SessionId = sessionId, UserId = userId, CreatedAt = now, ExpiresAt = expires.ToUnixTimeMilliseconds() });
    }

    /// <summary>The user's sessions that have not run out, with their absolute end (UTC milliseconds).</summary>
    public async Task<IReadOnlyDictionary<string, long>> LiveAsync(DbSession s, long userId, DateTimeOffset now) =>
        (await s.QueryAsync<LiveSession>(Live, new { UserId = userId, Now = now.ToUnixTimeMilliseconds() }))
            .ToDictionary(x => x.SessionId, x => x.ExpiresAt, StringComparer.Ordinal);

    public Task EndAsync(DbSession s, long userId, string sessionId) => s.ExecuteAsync(Remove, new { SessionId = sessionId, UserId = userId });

    /// <summary>Ends every session of the user but <paramref name="keep"/> (after a password change).</summary>
    public Task EndOthersAsync(DbSession s, long userId, string keep) => s.ExecuteAsync(RemoveOthers, new { UserId = userId, Keep = keep });

    private sealed class LiveSession
    {
        public string SessionId { get; init; } = "";
        public long ExpiresAt { get; init; }
    }
}
