using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// The caller rings back: triage, location and the rest change after creation, with the version
/// last seen; each change is logged with before and after, pushed, and re-ranks the recommendation.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class IncidentChangeTests(string database) : ApiTest(database)
{
    [SetUp]
    public Task FreeUnits() => FreeAllUnitsAsync(Api);

    private static Task<HttpResponseMessage> PatchAsync(HttpClient op, long incidentId, object change) =>
        op.PatchAsJsonAsync($"/api/incidents/{incidentId}", change);

    [Test]
    public async Task A_triage_change_is_logged_pushed_to_operators_and_the_crew_and_re_ranks_the_recommendation()
    {
        await using var operatorHub = await Api.ListenAsync("operator2");
        await using var crewHub = await Api.ListenAsync("crew2");
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew2");
        var crewUnit = await UnitOfAsync(crew);
        var als = await UnitIdAsync(op, "AMB-01");
        var post = (await FacilitiesAsync(op)).Post; // AMB-01 (ALS), AMB-05 and AMB-06 are based here
        var (lat, lon) = (post.GetProperty("lat").GetDouble(), post.GetProperty("lon").GetDouble());
        var incidentId = await Api.OpenIncidentAsync(op, $"triage-{Guid.NewGuid():n}", triage: "hijau", lat: lat, lon: lon);
        var assigned = await AssignedAsync(op, incidentId, crewUnit);
        var hijauRanking = await RankingAsync(op, incidentId);
        Assert.That(hijauRanking.Select(c => c.GetProperty("alsPreferenceApplied").GetBoolean()), Is.All.False, "no ALS preference below P1");

        var changed = await ApiClient.OkJsonAsync(await PatchAsync(op, incidentId, new { triage = "merah", version = assigned.GetProperty("version").GetInt32() }));

        Assert.That(changed.GetProperty("triage").GetString(), Is.EqualTo("merah"));
        Assert.That(changed.GetProperty("priority").GetString(), Is.EqualTo("P1"));
        await operatorHub.WaitForAsync(e => e.Type == "IncidentChanged" && e.Long("id") == incidentId && e.Str("triage") == "merah");
        var told = await crewHub.WaitForAsync(e => e.Type == "AssignmentChanged" && e.Long("incidentId") == incidentId);
        Assert.That(told.Str("triage"), Is.EqualTo("merah"), "the crew on its way learns it at once");
        var merahRanking = await RankingAsync(op, incidentId);
        Assert.That(merahRanking[0].GetProperty("unitId").GetInt64(), Is.EqualTo(als), "ALS first for P1 among units at the same post");
        var penalised = merahRanking.Where(c => c.GetProperty("type").GetString() != "als").ToList();
        Assert.That(penalised, Is.Not.Empty);
        Assert.That(penalised.Select(c => c.GetProperty("alsPreferenceApplied").GetBoolean()), Is.All.True);
        Assert.That(merahRanking.Select(c => c.GetProperty("unitId").GetInt64()), Does.Not.Contain(crewUnit));

        var entry = (await LogAsync(op, incidentId)).Single(e => e.GetProperty("action").GetString() == "incident.changed");
        Assert.That(entry.GetProperty("actor").GetString(), Is.EqualTo("operator1"));
        var triage = entry.GetProperty("details").GetProperty("triage");
        Assert.That((triage.GetProperty("from").GetString(), triage.GetProperty("to").GetString()), Is.EqualTo(("hijau", "merah")));
        var priority = entry.GetProperty("details").GetProperty("priority");
        Assert.That((priority.GetProperty("from").GetString(), priority.GetProperty("to").GetString()), Is.EqualTo(("P3", "P1")));
    }

    [Test]
    public async Task A_moved_location_gets_its_kelurahan_and_kecamatan_again_and_every_field_is_logged_before_and_after()
    {
        using var op = await Api.AsAsync("operator1");
        var facilities = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).EnumerateArray().ToList();
        var post = facilities.First(f => f.GetProperty("name").GetString()!.StartsWith("Pos PSC", StringComparison.Ordinal)); // kelurahan 13.72.02.1002
        var tanahGaram = facilities.First(f => f.GetProperty("name").GetString()!.Contains("Tanah Garam", StringComparison.Ordinal)); // 13.72.01.1001
        var incidentId = await Api.OpenIncidentAsync(op, $"move-{Guid.NewGuid():n}", triage: "kuning",
            lat: post.GetProperty("lat").GetDouble(), lon: post.GetProperty("lon").GetDouble());
        var before = await IncidentAsync(op, incidentId);
        Assert.That(before.GetProperty("kelurahan").GetProperty("code").GetString(), Is.EqualTo("13.72.02.1002"));

        var moved = await ApiClient.OkJsonAsync(await PatchAsync(op, incidentId, new
        {
            location = new { lat = tanahGaram.GetProperty("lat").GetDouble(), lon = tanahGaram.GetProperty("lon").GetDouble() },
            address = "Jl. Pandan, depan masjid", complaint = "tidak bernapas", patientCount = 3, category = "trauma", isEmergency = !before.GetProperty("isEmergency").GetBoolean(), isMajor = true,
            version = before.GetProperty("version").GetInt32(),
        }));

        Assert.That(moved.GetProperty("kelurahan").GetProperty("code").GetString(), Is.EqualTo("13.72.01.1001"));
        Assert.That(moved.GetProperty("kecamatan").GetProperty("code").GetString(), Is.EqualTo("13.72.01"));
        Assert.That(moved.GetProperty("location").GetProperty("lat").GetDouble(), Is.EqualTo(tanahGaram.GetProperty("lat").GetDouble()));
        Assert.That(moved.GetProperty("address").GetString(), Is.EqualTo("Jl. Pandan, depan masjid"));
        Assert.That(moved.GetProperty("complaint").GetString(), Is.EqualTo("tidak bernapas"));
        Assert.That(moved.GetProperty("patientCount").GetInt32(), Is.EqualTo(3));
        Assert.That(moved.GetProperty("category").GetString(), Is.EqualTo("trauma"));
        Assert.That(moved.GetProperty("isEmergency").GetBoolean(), Is.Not.EqualTo(before.GetProperty("isEmergency").GetBoolean()));
        Assert.That(moved.GetProperty("isMajor").GetBoolean(), Is.True);
        Assert.That(moved.GetProperty("version").GetInt32(), Is.GreaterThan(before.GetProperty("version").GetInt32()));

        var details = (await LogAsync(op, incidentId)).Single(e => e.GetProperty("action").GetString() == "incident.changed").GetProperty("details");
        foreach (var field in new[] { "location", "kelurahan", "kecamatan", "address", "complaint", "patientCount", "category", "isEmergency", "isMajor" })
        {
            Assert.That(details.TryGetProperty(field, out var change), Is.True, $"{field} is logged");
            Assert.That(JsonElement.DeepEquals(change.GetProperty("from"), change.GetProperty("to")), Is.False, field);
            Assert.That(JsonElement.DeepEquals(change.GetProperty("to"), moved.GetProperty(field)), Is.True, $"{field}: the value after");
            Assert.That(JsonElement.DeepEquals(change.GetProperty("from"), before.GetProperty(field)), Is.True, $"{field}: the value before");
        }
        Assert.That(details.TryGetProperty("triage", out _), Is.False, "only what changed");
    }

    [Test]
    public async Task A_change_made_on_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        using var a = await Api.AsAsync("operator1");
        using var b = await Api.AsAsync("operator2");
        var incidentId = await Api.OpenIncidentAsync(a, $"stale-{Guid.NewGuid():n}", triage: "kuning");
        var seen = (await IncidentAsync(a, incidentId)).GetProperty("version").GetInt32();
        await ApiClient.OkJsonAsync(await PatchAsync(b, incidentId, new { complaint = "pingsan", version = seen }));

        var stale = await ProblemAsync(await PatchAsync(a, incidentId, new { triage = "hijau", version = seen }), HttpStatusCode.Conflict);

        Assert.That(Code(stale), Is.EqualTo("concurrency"));
        var now = await IncidentAsync(a, incidentId);
        Assert.That(now.GetProperty("triage").GetString(), Is.EqualTo("kuning"));
        Assert.That(now.GetProperty("complaint").GetString(), Is.EqualTo("pingsan"));
        await NamesFieldAsync(await PatchAsync(a, incidentId, new { triage = "hijau" }), "version");
        await NamesFieldAsync(await PatchAsync(a, incidentId, new { patientCount = -1, version = now.GetProperty("version").GetInt32() }), "patientCount");
        await NamesFieldAsync(await PatchAsync(a, incidentId, new { location = new { lat = 91.0, lon = 100.0 }, version = now.GetProperty("version").GetInt32() }), "location");
        Assert.That((await LogAsync(a, incidentId)).Count(e => e.GetProperty("action").GetString() == "incident.changed"), Is.EqualTo(1));
    }

    private static async Task<List<JsonElement>> RankingAsync(HttpClient op, long incidentId) =>
        [.. (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"))).EnumerateArray()];
}
