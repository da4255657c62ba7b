namespace Dispatch.Api.Auth;

/// <summary>A person who signs in: operator, crew (bound to one unit), health office or admin.</summary>
public sealed class UserAccount
{
    public long Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public long? UnitId { get; init; }
    public string PasswordHash { get; set; } = "";
    public bool Disabled { get; init; }
}
