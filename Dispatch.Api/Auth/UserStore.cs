using Dispatch.Api.Database;

namespace Dispatch.Api.Auth;

public sealed class UserStore
{
    private const string Columns = "id, user_name, display_name, role, unit_id, password_hash, disabled";

    private static readonly SqlText ByName = SqlText.Of("UserStore.ByName",
        $"SELECT {Columns} FROM users WHERE user_name = @UserName");

    private static readonly SqlText Insert = SqlText.Of("UserStore.Insert", d => d.InsertReturning(
        "users", "user_name, display_name, role, unit_id, password_hash, disabled",
        "@UserName, @DisplayName, @Role, @UnitId, @PasswordHash, @Disabled"));

    private static readonly SqlText UpdateHash = SqlText.Of("UserStore.UpdateHash",
        "UPDATE users SET password_hash = @PasswordHash, version = version + 1 WHERE id = @Id");

    private static readonly SqlText Count = SqlText.Of("UserStore.Count", "SELECT COUNT(*) FROM users");

    public Task<UserAccount?> FindAsync(DbSession s, string userName) =>
        s.SingleOrDefaultAsync<UserAccount>(ByName, new { UserName = userName });

    public Task<long> AddAsync(DbSession s, UserAccount user) => s.InsertAsync(Insert, new
    {
        user.UserName, user.DisplayName, user.Role, user.UnitId, user.PasswordHash, user.Disabled,
    });

    public Task RehashAsync(DbSession s, long id, string hash) => s.ExecuteAsync(UpdateHash, new { Id = id, PasswordHash = hash });

    public Task<int> CountAsync(DbSession s) => s.SingleOrDefaultAsync<int>(Count);
}
