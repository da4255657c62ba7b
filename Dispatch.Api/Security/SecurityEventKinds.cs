namespace Dispatch.Api.Security;

/// <summary>
/// What a security event records. Stable codes: the admin page translates them (i18n.js
/// <c>codes</c>), and log readers and alerts may match on them.
/// </summary>
public static class SecurityEventKinds
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInThrottled = "sign-in-throttled";
    public const string SignOut = "sign-out";
    public const string TelephonyKeyRefused = "telephony-key-refused";
    public const string Forbidden = "forbidden";
    /// <summary>A session refused because an administrator disabled the user, changed the role or unit, or reset the password.</summary>
    public const string SessionEnded = "session-ended";
    public const string PasswordReset = "password-reset";
    /// <summary>A user changed their own password (recorded by the password-change endpoint).</summary>
    public const string PasswordChanged = "password-changed";
    public const string Export = "export";
    public const string Import = "import";
    /// <summary>A what-if simulation was run (who, which period).</summary>
    public const string PlanningSimulation = "planning-simulation";
    public const string AdminChange = "admin-change";
    public const string TotpEnabled = "totp-enabled";
    public const string TotpDisabled = "totp-disabled";

    public static readonly string[] All =
    [
        SignIn, SignInFailed, SignInThrottled, SignOut, TelephonyKeyRefused, Forbidden, SessionEnded,
        PasswordReset, PasswordChanged, Export, Import, AdminChange, TotpEnabled, TotpDisabled, PlanningSimulation,
    ];
}
