using Dispatch.Api.Database;

namespace Dispatch.Api.Auth;

public sealed class UserStore
{
    private const string Columns = "id, user_name, display_name, role, unit_id, password_hash, disabled, session_stamp";

    private static readonly SqlText ByName = SqlText.Of("UserStore.ByName",
        $"SELECT {Columns} FROM users WHERE user_name = @UserName");

    private static readonly SqlText Insert = SqlText.Of("UserStore.Insert", d => d.InsertReturning(
        "users", "user_name, display_name, role, unit_id, password_hash, disabled, session_stamp",
        "@UserName, @DisplayName, @Role, @UnitId, @PasswordHash, @Disabled, @SessionStamp"));

    private static readonly SqlText UpdateHash = SqlText.Of("UserStore.UpdateHash",
        "UPDATE users SET password_hash = @PasswordHash, version = version + 1 WHERE id = @Id");

    private static readonly SqlText ResetPassword = SqlText.Of("UserStore.ResetPassword",
        "UPDATE users SET password_hash = @PasswordHash, session_stamp = @SessionStamp, version = version + 1 WHERE id = @Id");

    private static readonly SqlText All = SqlText.Of("UserStore.All", $"SELECT {Columns} FROM users ORDER BY user_name");
    private static readonly SqlText ById = SqlText.Of("UserStore.ById", $"SELECT {Columns} FROM users WHERE id = @Id");
    private static readonly SqlText Update = SqlText.Of("UserStore.Update",
        "UPDATE users SET display_name = @DisplayName, role = @Role, unit_id = @UnitId, disabled = @Disabled, version = version + 1 WHERE id = @Id");

    private static readonly SqlText Count = SqlText.Of("UserStore.Count", "SELECT COUNT(*) FROM users");

    public Task<UserAccount?> FindAsync(DbSession s, string userName) =>
        s.SingleOrDefaultAsync<UserAccount>(ByName, new { UserName = userName });

    public Task<long> AddAsync(DbSession s, UserAccount user) => s.InsertAsync(Insert, new
    {
        user.UserName, user.DisplayName, user.Role, user.UnitId, user.PasswordHash, user.Disabled, user.SessionStamp,
    });

    /// <summary>The same password, hashed anew (e.g. stronger settings): open sessions stay.</summary>
    public Task RehashAsync(DbSession s, long id, string hash) => s.ExecuteAsync(UpdateHash, new { Id = id, PasswordHash = hash });

    /// <summary>A new password: a new session stamp ends every session opened before.</summary>
    public Task ResetPasswordAsync(DbSession s, long id, string hash) =>
        s.ExecuteAsync(ResetPassword, new { Id = id, PasswordHash = hash, SessionStamp = UserAccount.NewSessionStamp() });

    public async Task<IReadOnlyList<UserAccount>> ListAsync(DbSession s) => (await s.QueryAsync<UserAccount>(All)).ToList();

    public async Task<UserAccount> GetAsync(DbSession s, long id) =>
        await s.SingleOrDefaultAsync<UserAccount>(ById, new { Id = id }) ?? throw new Dispatch.Core.Common.NotFound($"User {id}");

    public Task UpdateAsync(DbSession s, UserAccount u) => s.ExecuteAsync(Update, new { u.Id, u.DisplayName, u.Role, u.UnitId, u.Disabled });

    public Task<int> CountAsync(DbSession s) => s.SingleOrDefaultAsync<int>(Count);
}
