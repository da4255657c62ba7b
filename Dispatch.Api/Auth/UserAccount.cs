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
}
