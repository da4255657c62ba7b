using Dispatch.Api.Auth;
using Dispatch.Api.Http;

namespace Dispatch.Api.Admin;

public static class AdminEndpoints
{
    private const int MaxBody = 8 * 1024;

    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin).WithTags("Admin")
            .AddEndpointFilter(RecordChange);

        group.MapPost("/units", (HttpContext http, CurrentUser user, AdminDesk desk, CancellationToken ct) =>
            RequestBody.HandleAsync<UnitRequest>(http, MaxBody, r => r.Validate(), async r =>
            {
                var unit = await desk.AddUnitAsync(r, user.Name, ct);
                return TypedResults.Created($"/api/units/{unit.Id}", unit);
            })).Accepts<UnitRequest>("application/json").WithSummary("Add a unit (callSign, plate, type, homeStationId, inService).");
        group.MapPut("/units/{id:long}", (long id, HttpContext http, CurrentUser user, AdminDesk desk, CancellationToken ct) =>
            RequestBody.HandleAsync<UnitRequest>(http, MaxBody, r => r.Validate(), async r => TypedResults.Ok(await desk.EditUnitAsync(id, r, user.Name, ct))))
            .Accepts<UnitRequest>("application/json").WithSummary("Edit a unit; inService=false takes an idle unit out of service.");

        group.MapPost("/stations", (HttpContext http, CurrentUser user, AdminDesk desk, CancellationToken ct) =>
            RequestBody.HandleAsync<StationRequest>(http, MaxBody, r => r.Validate(), async r =>
            {
                var station = await desk.SaveStationAsync(null, r, user.Name, ct);
                return TypedResults.Created($"/api/facilities/{station.Id}", station);
            })).Accepts<StationRequest>("application/json").WithSummary("Add a station or facility (name, kind, lat, lon).");
        group.MapPut("/stations/{id:long}", (long id, HttpContext http, CurrentUser user, AdminDesk desk, CancellationToken ct) =>
            RequestBody.HandleAsync<StationRequest>(http, MaxBody, r => r.Validate(), async r => TypedResults.Ok(await desk.SaveStationAsync(id, r, user.Name, ct))))
            .Accepts<StationRequest>("application/json");

        group.MapGet("/users", async (AdminDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListUsersAsync(ct)));
        group.MapPost("/users", (HttpContext http, CurrentUser user, AdminDesk desk, CancellationToken ct) =>
            RequestBody.HandleAsync<UserRequest>(http, MaxBody, r => r.Validate(creating: true), async r =>
            {
                var created = await desk.AddUserAsync(r, user.Name, ct);
                return TypedResults.Created($"/api/admin/users/{created.Id}", created);
            })).Accepts<UserRequest>("application/json").WithSummary("Add a user (username, displayName, role, unitId for crew, password).");
        group.MapPut("/users/{id:long}", (long id, HttpContext http, CurrentUser user, AdminDesk desk, CancellationToken ct) =>
            RequestBody.HandleAsync<UserRequest>(http, MaxBody, r => r.Validate(creating: false), async r => TypedResults.Ok(await desk.EditUserAsync(id, r, user.Name, ct))))
            .Accepts<UserRequest>("application/json").WithSummary("Change role, unit, display name or disable a user.");
        group.MapPost("/users/{id:long}/password", (long id, HttpContext http, CurrentUser user, AdminDesk desk, CancellationToken ct) =>
            RequestBody.HandleAsync<PasswordRequest>(http, MaxBody, r => r.Validate(), async r => TypedResults.Ok(await desk.ResetPasswordAsync(id, r.Password!, user.Name, ct))))
            .Accepts<PasswordRequest>("application/json").WithSummary("Reset a user's password.");
    }

    /// <summary>
    /// Every administration change that succeeded is a security event (a password reset its own
    /// kind): method, path and answer. What changed, value by value, is in the incident log.
    /// </summary>
    private static async ValueTask<object?> RecordChange(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && result is IStatusCodeHttpResult { StatusCode: < 400 } done)
        {
            var kind = http.Request.Path.Value?.EndsWith("/password", StringComparison.Ordinal) == true
                ? Security.SecurityEventKinds.PasswordReset
                : Security.SecurityEventKinds.AdminChange;
            http.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(kind, http,
                new { method = http.Request.Method, path = http.Request.Path.Value, status = done.StatusCode });
        }
        return result;
    }
}
