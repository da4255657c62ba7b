using System.Security.Claims;

namespace Dispatch.Api.Auth;

public static class Roles
{
    public const string Operator = "operator";
    public const string Crew = "crew";
    public const string HealthOffice = "healthoffice";
    public const string Admin = "admin";
    /// <summary>The telephony line or NCC 119 forwarder, authenticated by X-Api-Key.</summary>
    public const string Telephony = "telephony";

    public static readonly string[] Users = [Operator, Crew, HealthOffice, Admin];

    /// <summary>The roles that may turn on a second factor (policy <see cref="Policies.SecondFactor"/>).</summary>
    public static readonly string[] SecondFactor = [Admin, HealthOffice];
}

/// <summary>Named policies: every endpoint and the hub use one of these explicitly.</summary>
public static class Policies
{
    public const string Operators = "operators";
    public const string Crew = "crew";
    public const string HubListener = "hub-listener";
    public const string Telephony = "telephony";
    public const string AnyUser = "any-user";
    public const string Reports = "reports";
    public const string Admin = "admin";
    /// <summary>Who may turn on a second factor (TOTP): administrators and the health office.</summary>
    public const string SecondFactor = "second-factor";
}

/// <summary>
/// The signed-in user as the endpoints need it. <see cref="SessionStamp"/> is the account's stamp when
/// the session was opened (<see cref="UserAccount.SessionStamp"/>): a password reset ends older sessions.
/// <see cref="SessionId"/> names its row in <c>user_sessions</c> (<see cref="SessionStore"/>): signing out ends it.
/// </summary>
public sealed record CurrentUser(string Name, string Role, long? UnitId, string? SessionStamp = null, string? SessionId = null)
{
    public const string UnitClaim = "psc119:unit";
    public const string SessionStampClaim = "psc119:stamp";
    public const string SessionIdClaim = "psc119:sid";

    public bool IsInRole(string role) => string.Equals(Role, role, StringComparison.Ordinal);

    public static CurrentUser From(ClaimsPrincipal? principal) => new(
        principal?.Identity?.Name ?? "",
        principal?.FindFirstValue(ClaimTypes.Role) ?? "",
        long.TryParse(principal?.FindFirstValue(UnitClaim), out var unit) ? unit : null,
        principal?.FindFirstValue(SessionStampClaim),
        principal?.FindFirstValue(SessionIdClaim));

    /// <summary>Bound from the request's principal in endpoint signatures.</summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult<CurrentUser?>(From(context.User));
}
