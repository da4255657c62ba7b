using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Units;

namespace Dispatch.Api.Admin;

public sealed record UnitRequest(string? CallSign, string? Plate, UnitType? Type, long? HomeStationId, bool? InService)
{
    public Validation Validate() => new Validation()
        .Required("callSign", CallSign, TextLimits.CallSign)
        .Required("plate", Plate, TextLimits.Plate)
        .Check(Type is not null, "type", "'type' is required: als, bls or transport.");
}

public sealed record StationRequest(string? Name, StationKind? Kind, double? Lat, double? Lon)
{
    public Validation Validate() => new Validation()
        .Required("name", Name, TextLimits.StationName)
        .Check(Kind is not null, "kind", "'kind' is required: pscPost, hospital or puskesmas.")
        .Check(GeoPoint.Create(Lat, Lon) is { IsValid: true }, "lat", "'lat' and 'lon' are required, within -90..90 and -180..180.");
}

public sealed record UserRequest(string? Username, string? DisplayName, string? Role, long? UnitId, bool? Disabled, string? Password, long? FacilityId = null)
{
    public Validation Validate(bool creating)
    {
        var v = new Validation()
            .MaxLength("displayName", DisplayName, TextLimits.DisplayName)
            .Check(Role is not null && Roles.Users.Contains(Role), "role", $"'role' must be one of {string.Join(", ", Roles.Users)}.")
            .Check(Role != Roles.Crew || UnitId is not null, "unitId", "A crew user needs 'unitId'.")
            .Check(Role != Roles.Facility || FacilityId is not null, "facilityId", "A facility user needs 'facilityId'.")
            .Check(FacilityId is null || Role == Roles.Facility, "facilityId", "Only a facility user is bound to a facility.");
        return creating
            ? v.Required("username", Username, TextLimits.UserName).Password("password", Password)
            : v;
    }
}

public sealed record PasswordRequest(string? Password)
{
    public Validation Validate() => new Validation().Password("password", Password);
}

/// <summary>A user as the admin page sees it (never the password hash).</summary>
public sealed record UserView(long Id, string Username, string DisplayName, string Role, long? UnitId, bool Disabled, long? FacilityId = null)
{
    public static UserView From(UserAccount u) => new(u.Id, u.UserName, u.DisplayName, u.Role, u.UnitId, u.Disabled, u.FacilityId);
}
