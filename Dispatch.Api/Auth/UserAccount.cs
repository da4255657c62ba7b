namespace Dispatch.Api.Auth;

/// <summary>A person who signs in: operator, crew (bound to one unit), health office or admin.</summary>
public sealed class UserAccount
{
    public long Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public long? UnitId { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool Disabled { get; set; }

    /// <summary>
    /// A short fingerprint of a password hash, carried by each session: when the password is reset
    /// the hash changes and sessions opened with the old one end. Not the hash itself (the token
    /// is readable by its holder), and too short to help anyone guess the password.
    /// </summary>
    public static string StampOf(string passwordHash) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(passwordHash)))[..12];
}
