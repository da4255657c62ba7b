namespace Dispatch.Api.Auth;

/// <summary>Configuration section "Auth": session lifetime, sign-in limits and the second factor.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>A session ends this long after sign-in however active it is (a 12-hour shift and handover).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(13);

    /// <summary>Sign-in attempts one client address may make at once before the per-minute rate applies.</summary>
    public int SignInBurst { get; set; } = 10;

    /// <summary>Sign-in attempts per minute one client address may make after its burst.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Password hashes computed at once (sign-in, password change); default half the cores, at least one.</summary>
    public int ConcurrentPasswordChecks { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How long a sign-in waits for a free password check before it is answered 503.</summary>
    public TimeSpan PasswordCheckWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Roles that must use a second factor (TOTP), e.g. ["admin", "healthoffice"]; empty by default.</summary>
    public List<string> RequireTotpForRoles { get; set; } = [];
}
