using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Facilities;

/// <summary>A hospital reports its emergency department status and free beds; operators and crews see them with their age.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class AvailabilityTests(string database) : ApiTest(database)
{
    private const long Hospital = 5; // the sample hospital, rs1's own
    private const long Puskesmas = 2;
    private const long NeverReported = 4; // no test of this class reports for it

    private static async Task<JsonElement> FacilityAsync(HttpClient client, long id) =>
        (await ApiClient.OkJsonAsync(await client.GetAsync("/api/facilities"))).EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == id);

    [Test]
    public async Task A_hospital_reports_status_and_beds_and_crews_see_them_with_their_time()
    {
        using var rs1 = await Api.AsAsync("rs1");
        using var crew = await Api.AsAsync("crew1");
        await using var crewHub = await Api.ListenAsync("crew1");

        var set = await ApiClient.OkJsonAsync(await rs1.PutAsJsonAsync($"/api/facilities/{Hospital}/availability",
            new { edStatus = "busy", beds = new Dictionary<string, int> { ["igd"] = 3, ["icu"] = 0, ["nicu"] = 1 } }));
        Assert.That(set.GetProperty("availability").GetProperty("edStatus").GetString(), Is.EqualTo("busy"));

        var seen = (await FacilityAsync(crew, Hospital)).GetProperty("availability");
        Assert.That(seen.GetProperty("edStatus").GetString(), Is.EqualTo("busy"));
        Assert.That(seen.GetProperty("beds").GetProperty("igd").GetInt32(), Is.EqualTo(3));
        Assert.That(seen.GetProperty("beds").GetProperty("icu").GetInt32(), Is.EqualTo(0));
        Assert.That(seen.GetProperty("updatedAt").GetDateTimeOffset(), Is.EqualTo(TimeProvider.System.GetUtcNow()).Within(TimeSpan.FromMinutes(1)));
        Assert.That(seen.GetProperty("bedsAt").GetProperty("nicu").GetDateTimeOffset(), Is.EqualTo(seen.GetProperty("updatedAt").GetDateTimeOffset()));
        var pushed = await crewHub.WaitForAsync(e => e.Type == "AvailabilityChanged" && e.Long("id") == Hospital);
        Assert.That(pushed.Data.GetProperty("availability").GetProperty("beds").GetProperty("igd").GetInt32(), Is.EqualTo(3));
        Assert.That((await FacilityAsync(crew, NeverReported)).GetProperty("availability").ValueKind, Is.EqualTo(JsonValueKind.Null), "never reported");
    }

    [Test]
    public async Task A_partial_report_keeps_the_other_values_and_their_times()
    {
        using var rs1 = await Api.AsAsync("rs1");
        await ApiClient.OkJsonAsync(await rs1.PutAsJsonAsync($"/api/facilities/{Hospital}/availability",
            new { edStatus = "open", beds = new Dictionary<string, int> { ["maternity"] = 2, ["isolation"] = 1 } }));
        var first = (await FacilityAsync(rs1, Hospital)).GetProperty("availability");

        var after = (await ApiClient.OkJsonAsync(await rs1.PutAsJsonAsync($"/api/facilities/{Hospital}/availability",
            new { edStatus = "diverting" }))).GetProperty("availability");

        Assert.That(after.GetProperty("edStatus").GetString(), Is.EqualTo("diverting"));
        Assert.That(after.GetProperty("warn").GetBoolean(), Is.True, "crews are warned about a diverting hospital");
        Assert.That(after.GetProperty("beds").GetProperty("maternity").GetInt32(), Is.EqualTo(2));
        Assert.That(after.GetProperty("bedsAt").GetProperty("maternity").GetDateTimeOffset(),
            Is.EqualTo(first.GetProperty("bedsAt").GetProperty("maternity").GetDateTimeOffset()), "a value not reported keeps its time");
    }

    [Test]
    public async Task A_hospital_cannot_report_for_another_facility_but_an_admin_can()
    {
        using var rs1 = await Api.AsAsync("rs1");
        using var admin = await Api.AsAsync("admin");
        using var op = await Api.AsAsync("operator1");
        var body = new { edStatus = "full" };

        var other = await rs1.PutAsJsonAsync($"/api/facilities/{Puskesmas}/availability", body);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString(), Is.EqualTo("own-facility-only"));
        Assert.That((await op.PutAsJsonAsync($"/api/facilities/{Hospital}/availability", body)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/facilities/{Puskesmas}/availability", body));
        Assert.That((await FacilityAsync(op, Puskesmas)).GetProperty("availability").GetProperty("edStatus").GetString(), Is.EqualTo("full"));
        Assert.That((await admin.PutAsJsonAsync("/api/facilities/999999/availability", body)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("{\"beds\":{\"sauna\":2}}", "beds.sauna")]
    [TestCase("{\"beds\":{\"icu\":-1}}", "beds.icu")]
    [TestCase("{\"edStatus\":\"closed\"}", "edStatus")]
    [TestCase("{}", "edStatus")]
    public async Task A_wrong_report_is_400_naming_the_field(string json, string field)
    {
        using var rs1 = await Api.AsAsync("rs1");
        var response = await rs1.PutAsync($"/api/facilities/{Hospital}/availability", ApiClient.RawJson(json));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), json);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Does.Contain(field), errors.ToString());
    }
}
