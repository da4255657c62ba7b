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
    /// <summary>A hospital's emergency desk, bound to one facility (<see cref="CurrentUser.FacilityId"/>).</summary>
    public const string Facility = "facility";

    public static readonly string[] Users = [Operator, Crew, HealthOffice, Admin, Facility];

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
    /// <summary>A facility user bound to a facility (the facility endpoints then check it is their own).</summary>
    public const string Facility = "facility";
    /// <summary>Who may read the facility list and its availability: operators, crews and hospitals.</summary>
    public const string FacilityReaders = "facility-readers";
    /// <summary>Who may connect to the hub and read the event feed (each hears only its audiences): operators, crews, hospitals.</summary>
    public const string EventListener = "event-listener";
    /// <summary>Who may report a hospital's availability: the hospital (its own) and admins.</summary>
    public const string FacilityWriters = "facility-writers";
    /// <summary>Who may read a hospital's incoming patients: the hospital (its own), operators and admins.</summary>
    public const string FacilityWatchers = "facility-watchers";
}

/// <summary>
/// The signed-in user as the endpoints need it. <see cref="SessionStamp"/> is the account's stamp when
/// the session was opened (<see cref="UserAccount.SessionStamp"/>): a password reset ends older sessions.
/// <see cref="SessionId"/> names its row in <c>user_sessions</c> (<see cref="SessionStore"/>): signing out ends it.
/// </summary>
public sealed record CurrentUser(string Name, string Role, long? UnitId, string? SessionStamp = null, string? SessionId = null, long? FacilityId = null)
{
    public const string UnitClaim = "psc119:unit";
    /// <summary>The facility a facility user is bound to (set at sign-in, like the crew's unit).</summary>
    public const string FacilityClaim = "psc119:facility";
    public const string SessionStampClaim = "psc119:stamp";
    public const string SessionIdClaim = "psc119:sid";

    public bool IsInRole(string role) => string.Equals(Role, role, StringComparison.Ordinal);

    public static CurrentUser From(ClaimsPrincipal? principal) => new(
        principal?.Identity?.Name ?? "",
        principal?.FindFirstValue(ClaimTypes.Role) ?? "",
        long.TryParse(principal?.FindFirstValue(UnitClaim), out var unit) ? unit : null,
        principal?.FindFirstValue(SessionStampClaim),
        principal?.FindFirstValue(SessionIdClaim),
        long.TryParse(principal?.FindFirstValue(FacilityClaim), out var facility) ? facility : null);

    /// <summary>Bound from the request's principal in endpoint signatures.</summary>
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult<CurrentUser?>(From(context.User));
}
