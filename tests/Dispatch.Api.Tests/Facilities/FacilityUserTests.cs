using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Facilities;

/// <summary>An administrator binds a facility user to one facility; the binding is refused where it makes no sense.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class FacilityUserTests(string database) : ApiTest(database)
{
    private const string Password = "Kx9-qTr2-mWv8-LpZ4";

    [TestCase("facility", null)]
    [TestCase("operator", 3L)]
    [TestCase("crew", 3L)]
    public async Task A_facility_without_a_facility_user_or_a_facility_user_without_a_facility_is_400_naming_facilityId(string role, long? facilityId)
    {
        using var admin = await Api.AsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { username = $"bind-{Guid.NewGuid():n}"[..20], role, unitId = role == "crew" ? 1 : (long?)null, facilityId, password = Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Does.Contain("facilityId"));
    }

    [Test]
    public async Task A_facility_user_made_by_an_administrator_signs_in_bound_to_its_facility_only()
    {
        using var admin = await Api.AsAsync("admin");
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync("/api/facilities/3/availability", new { edStatus = "busy" })); // before anyone was bound
        var name = $"igd-{Guid.NewGuid():n}"[..20];
        var created = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users", new { username = name, role = "facility", facilityId = 3, password = Password }));
        Assert.That(created.GetProperty("facilityId").GetInt64(), Is.EqualTo(3));
        Assert.That((await admin.PostAsJsonAsync("/api/admin/users", new { username = $"igd-{Guid.NewGuid():n}"[..20], role = "facility", facilityId = 999999, password = Password })).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound), "an unknown facility");

        var own = await Api.ChooseOwnPasswordAsync(name, Password);
        using var desk = await Api.AsAsync(name, own);
        Assert.That((await ApiClient.OkJsonAsync(await desk.GetAsync("/api/auth/me"))).GetProperty("facilityId").GetInt64(), Is.EqualTo(3));
        await ApiClient.OkJsonAsync(await desk.PutAsJsonAsync("/api/facilities/3/availability", new { edStatus = "open" }));
        var heard = (await ApiClient.OkJsonAsync(await desk.GetAsync("/api/events?after=0"))).EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "AvailabilityChanged").Select(e => e.GetProperty("data").GetProperty("availability").GetProperty("edStatus").GetString());
        Assert.That(heard, Is.EqualTo(new[] { "open" }), "the feed starts when the user was bound to the facility");
        Assert.That((await desk.PutAsJsonAsync("/api/facilities/5/availability", new { edStatus = "open" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await desk.GetAsync("/api/facilities/5/prenotifications")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        // Moved to another facility: the session bound to the old one ends.
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{created.GetProperty("id").GetInt64()}", new { role = "facility", facilityId = 2 }));
        Assert.That((await desk.GetAsync("/api/facilities/3/prenotifications")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
