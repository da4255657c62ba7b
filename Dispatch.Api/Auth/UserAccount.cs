namespace Dispatch.Api.Auth;

/// <summary>A person who signs in: operator, crew (bound to one unit), health office or admin.</summary>
public sealed class UserAccount
{
    public long Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public long? UnitId { get; set; }

    /// <summary>
    /// When the user was bound to <see cref="UnitId"/> (UTC ms; set by <see cref="UserStore"/> when
    /// the unit is set or changed): a crew member hears and reads the unit's work from then on only.
    /// </summary>
    public long? UnitBoundAt { get; set; }

    /// <summary>The facility a facility user is bound to, and since when (UTC ms): they hear its pre-notifications from then on.</summary>
    public long? FacilityId { get; set; }
    public long? FacilityBoundAt { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool Disabled { get; set; }

    /// <summary>
    /// Carried by each session and compared on every request: a password reset gives a new one, so
    /// sessions opened before it end. A rehash of the same password at sign-in keeps it.
    /// </summary>
    public string SessionStamp { get; set; } = NewSessionStamp();

    /// <summary>Set when an administrator sets or resets the password: the user chooses their own next.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The second factor's secret (Base32, protected with the key ring); null when not turned on.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>A secret being enrolled, until a first code confirms it.</summary>
    public string? TotpPending { get; set; }

    /// <summary>The time step of the last code accepted: a code is used once.</summary>
    public long? TotpLastStep { get; set; }

    public static string NewSessionStamp() => Guid.NewGuid().ToString("N");
}
