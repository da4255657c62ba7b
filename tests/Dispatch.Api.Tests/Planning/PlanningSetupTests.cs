using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Planning;

/// <summary>What the planning page starts from: today's stations and units as an administrator keeps them, and the targets.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class PlanningSetupTests(string database) : ApiTest(database)
{
    [Test]
    public async Task The_setup_lists_every_station_and_unit_with_its_home_and_the_targets()
    {
        using var admin = await Api.AsAsync("admin");
        var station = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/stations",
            new { name = "Pos Uji Perencanaan", kind = "pscPost", lat = -0.80, lon = 100.66 }));
        var stationId = station.GetProperty("id").GetInt64();
        var callSign = $"PLN-{Guid.NewGuid():n}"[..10].ToUpperInvariant();
        await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/units", new { callSign, plate = "BA 1 PL", type = "als", homeStationId = stationId }));

        using var office = await Api.AsAsync("dinkes1");
        var setup = await ApiClient.OkJsonAsync(await office.GetAsync("/api/planning/setup"));
        var listed = setup.GetProperty("stations").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == stationId);
        Assert.That((listed.GetProperty("name").GetString(), listed.GetProperty("kind").GetString(), listed.GetProperty("lat").GetDouble()),
            Is.EqualTo(("Pos Uji Perencanaan", "pscPost", -0.80)));
        var unit = setup.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("callSign").GetString() == callSign);
        Assert.That((unit.GetProperty("type").GetString(), unit.GetProperty("homeStationId").GetInt64()), Is.EqualTo(("als", stationId)));
        Assert.That(setup.GetProperty("targetSeconds").GetProperty("merah").GetDouble(), Is.EqualTo(600));
        Assert.That(setup.GetProperty("targetSeconds").GetProperty("hijau").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(unit.TryGetProperty("status", out _), Is.False, "no live status: the health office plans, it does not dispatch");
    }
}
