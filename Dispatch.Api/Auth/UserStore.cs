using Dispatch.Api.Database;

namespace Dispatch.Api.Auth;

public sealed class UserStore
{
    private const string Columns = "id, user_name, display_name, role, unit_id, unit_bound_at, facility_id, facility_bound_at, password_hash, disabled, session_stamp, must_change_password, totp_secret, totp_pending, totp_last_step";

    private static readonly SqlText ByName = SqlText.Of("UserStore.ByName",
        $"SELECT {Columns} FROM users WHERE user_name = @UserName");

    private static readonly SqlText Insert = SqlText.Of("UserStore.Insert", d => d.InsertReturning(
        "users", "user_name, display_name, role, unit_id, unit_bound_at, facility_id, facility_bound_at, password_hash, disabled, session_stamp, must_change_password",
        "@UserName, @DisplayName, @Role, @UnitId, @UnitBoundAt, @FacilityId, @FacilityBoundAt, @PasswordHash, @Disabled, @SessionStamp, @MustChangePassword"));

    private static readonly SqlText UpdateHash = SqlText.Of("UserStore.UpdateHash",
        "UPDATE users SET password_hash = @PasswordHash, version = version + 1 WHERE id = @Id");

    private static readonly SqlText ResetPassword = SqlText.Of("UserStore.ResetPassword",
        "UPDATE users SET password_hash = @PasswordHash, session_stamp = @SessionStamp, must_change_password = @MustChange, version = version + 1 WHERE id = @Id");

    private static readonly SqlText ChangePassword = SqlText.Of("UserStore.ChangePassword",
        "UPDATE users SET password_hash = @PasswordHash, must_change_password = @MustChange, version = version + 1 WHERE id = @Id");

    private static readonly SqlText SetTotp = SqlText.Of("UserStore.SetTotp",
        "UPDATE users SET totp_secret = @TotpSecret, totp_pending = @TotpPending, totp_last_step = @TotpLastStep, version = version + 1 WHERE id = @Id");

    // Only forward: two sign-ins with the same code cannot both pass.
    private static readonly SqlText UseTotpStep = SqlText.Of("UserStore.UseTotpStep",
        "UPDATE users SET totp_last_step = @Step WHERE id = @Id AND (totp_last_step IS NULL OR totp_last_step < @Step)");

    private static readonly SqlText OtherActiveAdmins = SqlText.Of("UserStore.OtherActiveAdmins",
        "SELECT COUNT(*) FROM users WHERE role = @Role AND disabled = @Disabled AND id <> @Id");

    private static readonly SqlText All = SqlText.Of("UserStore.All", $"SELECT {Columns} FROM users ORDER BY user_name");
    private static readonly SqlText ById = SqlText.Of("UserStore.ById", $"SELECT {Columns} FROM users WHERE id = @Id");
    private static readonly SqlText Update = SqlText.Of("UserStore.Update",
        "UPDATE users SET display_name = @DisplayName, role = @Role, unit_id = @UnitId, facility_id = @FacilityId, disabled = @Disabled, version = version + 1, " +
        "facility_bound_at = CASE WHEN facility_id = @FacilityId THEN facility_bound_at ELSE @FacilityBoundAt END, " +
        // A new unit binds from now; the same unit keeps its time; none clears it (NULL = NULL is not true: @BoundAt is then null).
        "unit_bound_at = CASE WHEN unit_id = @UnitId THEN unit_bound_at ELSE @BoundAt END WHERE id = @Id");

    private static readonly SqlText Count = SqlText.Of("UserStore.Count", "SELECT COUNT(*) FROM users");

    public Task<UserAccount?> FindAsync(DbSession s, string userName) =>
        s.SingleOrDefaultAsync<UserAccount>(ByName, new { UserName = userName });

    /// <summary>Adds the user; one with a unit is bound to it from the write's time.</summary>
    public Task<long> AddAsync(DbSession s, UserAccount user) => s.InsertAsync(Insert, new
    {
        user.UserName, user.DisplayName, user.Role, user.UnitId, UnitBoundAt = user.UnitId is null ? null : (long?)s.Now.ToUnixTimeMilliseconds(),
        user.FacilityId, FacilityBoundAt = user.FacilityId is null ? null : (long?)s.Now.ToUnixTimeMilliseconds(),
        user.PasswordHash, user.Disabled, user.SessionStamp, user.MustChangePassword,
    });

    /// <summary>The same password, hashed anew (e.g. stronger settings): open sessions stay.</summary>
    public Task RehashAsync(DbSession s, long id, string hash) => s.ExecuteAsync(UpdateHash, new { Id = id, PasswordHash = hash });

    /// <summary>
    /// A password an administrator set: a new session stamp ends every session opened before, and
    /// the user must choose their own at the next sign-in.
    /// </summary>
    public Task ResetPasswordAsync(DbSession s, long id, string hash) =>
        s.ExecuteAsync(ResetPassword, new { Id = id, PasswordHash = hash, SessionStamp = UserAccount.NewSessionStamp(), MustChange = true });

    /// <summary>A password the user chose: the stamp stays (the caller ends the user's other sessions).</summary>
    public Task ChangePasswordAsync(DbSession s, long id, string hash) =>
        s.ExecuteAsync(ChangePassword, new { Id = id, PasswordHash = hash, MustChange = false });

    public Task SetTotpAsync(DbSession s, UserAccount u) =>
        s.ExecuteAsync(SetTotp, new { u.Id, u.TotpSecret, u.TotpPending, u.TotpLastStep });

    /// <summary>Records a code's time step as used; false when it (or a later one) was used already.</summary>
    public async Task<bool> UseTotpStepAsync(DbSession s, long id, long step) => await s.ExecuteAsync(UseTotpStep, new { Id = id, Step = step }) == 1;

    /// <summary>Active administrators other than <paramref name="id"/>.</summary>
    public Task<int> CountOtherActiveAdminsAsync(DbSession s, long id) =>
        s.SingleOrDefaultAsync<int>(OtherActiveAdmins, new { Id = id, Role = Roles.Admin, Disabled = false });

    public async Task<IReadOnlyList<UserAccount>> ListAsync(DbSession s) => (await s.QueryAsync<UserAccount>(All)).ToList();

    public async Task<UserAccount> GetAsync(DbSession s, long id) =>
        await s.SingleOrDefaultAsync<UserAccount>(ById, new { Id = id }) ?? throw new Dispatch.Core.Common.NotFound($"User {id}");

    /// <summary>Saves the account; a changed unit binds the user to it from the write's time.</summary>
    public Task UpdateAsync(DbSession s, UserAccount u) => s.ExecuteAsync(Update, new
    {
        u.Id, u.DisplayName, u.Role, u.UnitId, u.Disabled, BoundAt = u.UnitId is null ? null : (long?)s.Now.ToUnixTimeMilliseconds(),
        u.FacilityId, FacilityBoundAt = u.FacilityId is null ? null : (long?)s.Now.ToUnixTimeMilliseconds(),
    });

    public Task<int> CountAsync(DbSession s) => s.SingleOrDefaultAsync<int>(Count);
}
