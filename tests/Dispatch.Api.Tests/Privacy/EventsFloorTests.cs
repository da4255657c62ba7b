using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Events;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Privacy;

/// <summary>
/// The missed-events feed reaches back Events:CatchUpHours (12 h) at most, and a crew member only
/// to the time they were bound to their unit; crew reads of the unit's past incidents stop there too.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class EventsFloorTests(string database) : ApiTest(database)
{
    private const string OwnPassword = "kata-sandi-sendiri";

    [Test]
    public async Task An_operator_never_receives_events_older_than_CatchUpHours_and_is_told_to_reload()
    {
        var now = TimeProvider.System.GetUtcNow();
        var old = InsertEvent(now - TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1), Audiences.Operators);
        var young = InsertEvent(now - TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1), Audiences.Operators);
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew1");

        var (stale, staleTruncated) = await FeedAsync(op, old - 1);
        var (current, currentTruncated) = await FeedAsync(op, old);
        var (crewFeed, crewTruncated) = await FeedAsync(crew, old - 1);

        Assert.That(stale, Does.Contain(young).And.Not.Contain(old), "the old event is never returned");
        Assert.That(staleTruncated, Is.True, "a console that asks from before the floor is told it missed events: it reloads");
        Assert.That(current, Does.Contain(young));
        Assert.That(currentTruncated, Is.False, "nothing missed after the old event");
        Assert.That(crewFeed, Does.Not.Contain(young).And.Not.Contain(old));
        Assert.That(crewTruncated, Is.False, "the crew missed nothing of its own");
    }

    [Test]
    public async Task A_client_asking_from_before_events_retention_deleted_is_told_to_reload()
    {
        using var op = await Api.AsAsync("operator1");
        var first = InsertEvent(TimeProvider.System.GetUtcNow(), Audiences.Operators);
        var second = InsertEvent(TimeProvider.System.GetUtcNow(), Audiences.Operators);
        using (var db = App.OpenDatabase()) db.Execute("DELETE FROM events WHERE seq <= @First", new { First = first });

        var (feed, truncated) = await FeedAsync(op, 0);

        Assert.That(feed, Does.Contain(second));
        Assert.That(truncated, Is.True, "events after 0 were deleted: the client cannot have them all");
    }

    [Test]
    public async Task A_crew_moved_between_units_hears_neither_the_new_unit_before_the_move_nor_the_old_unit_after()
    {
        using var admin = await Api.AsAsync("admin");
        using var op = await Api.AsAsync("operator1");
        var kruId = await CreateCrewAsync(admin, "kru-pindah-unit", unitId: 3);

        // Unit 4's work before the move: one incident it was sent to and released from, one it is still on.
        var before = await Api.OpenIncidentAsync(op, "floor-before");
        await AssignAsync(op, before, 4);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{before}/responses/4/release", new { reason = "uji" }));
        var ongoing = await Api.OpenIncidentAsync(op, "floor-ongoing");
        await AssignAsync(op, ongoing, 4);
        // Unit 3's work while the crew member is on it.
        var oldUnitBefore = await Api.OpenIncidentAsync(op, "floor-old-unit");
        await AssignAsync(op, oldUnitBefore, 3);
        using (var onUnit3 = await Api.FreshSessionAsync("kru-pindah-unit", OwnPassword))
            Assert.That(await OfferedAsync(onUnit3), Does.Contain(oldUnitBefore).And.Not.Contain(before).And.Not.Contain(ongoing));

        await using var oldHub = await HubListener.ConnectAsync(App.BaseAddress, await Api.TokenAsync("kru-pindah-unit", OwnPassword));
        var oldHubClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        oldHub.Connection.Closed += _ => { oldHubClosed.TrySetResult(); return Task.CompletedTask; };

        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{kruId}", new { role = "crew", unitId = 4 }));
        // The hub connection opened on unit 3 is closed at the next sweep (2 s; generous for a loaded machine).
        await oldHubClosed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using var kru = await Api.FreshSessionAsync("kru-pindah-unit", OwnPassword);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{oldUnitBefore}/responses/3/release", new { reason = "uji" }));
        var oldUnitAfter = await Api.OpenIncidentAsync(op, "floor-old-unit-after");
        await AssignAsync(op, oldUnitAfter, 3);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{ongoing}/responses/4/release", new { reason = "uji" }));
        var after = await Api.OpenIncidentAsync(op, "floor-after");
        await AssignAsync(op, after, 4);

        var incidents = await IncidentsInFeedAsync(kru);
        Assert.That(await OfferedAsync(kru), Is.EqualTo(new[] { after }), "only the new unit's assignment since the move");
        Assert.That(incidents, Does.Not.Contain(before).And.Not.Contain(oldUnitBefore).And.Not.Contain(oldUnitAfter));
        Assert.That(oldHub.Received.Where(e => e.Type == EventTypes.AssignmentOffered && e.Long("incidentId") == oldUnitAfter), Is.Empty,
            "the old unit's group no longer reaches the moved crew member");
    }

    [Test]
    public async Task A_crew_reads_notes_of_the_units_incidents_from_its_binding_on_and_of_the_one_in_hand()
    {
        using var admin = await Api.AsAsync("admin");
        using var op = await Api.AsAsync("operator1");
        var kruId = await CreateCrewAsync(admin, "kru-catatan", unitId: 5);
        var past = await Api.OpenIncidentAsync(op, "notes-past");
        await AssignAsync(op, past, 6);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{past}/notes", new { text = "catatan lama" }));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{past}/responses/6/release", new { reason = "uji" }));
        var inHand = await Api.OpenIncidentAsync(op, "notes-in-hand");
        await AssignAsync(op, inHand, 6);

        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{kruId}", new { role = "crew", unitId = 6 }));
        using var kru = await Api.FreshSessionAsync("kru-catatan", OwnPassword);

        var refused = await kru.GetAsync($"/api/incidents/{past}/notes");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the unit's work before the member joined it");
        Assert.That((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString(), Is.EqualTo("own-unit-only"));
        Assert.That((await kru.PostAsJsonAsync($"/api/incidents/{past}/notes", new { text = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await kru.GetAsync($"/api/incidents/{inHand}/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the assignment in hand");

        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{inHand}/responses/6/release", new { reason = "uji" }));
        var since = await Api.OpenIncidentAsync(op, "notes-since");
        await AssignAsync(op, since, 6);
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{since}/responses/6/release", new { reason = "uji" }));
        Assert.That((await kru.GetAsync($"/api/incidents/{since}/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "sent there since the binding, even when over");
        Assert.That((await kru.GetAsync($"/api/incidents/{inHand}/notes")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden),
            "once over, an assignment from before the binding is past work");
    }

    private async Task<long> CreateCrewAsync(HttpClient admin, string name, long unitId)
    {
        var id = (await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users", new { username = name, role = "crew", unitId, password = "kata-sandi-awal" })))
            .GetProperty("id").GetInt64();
        await Api.ChooseOwnPasswordAsync(name, "kata-sandi-awal", OwnPassword);
        return id;
    }

    private static async Task AssignAsync(HttpClient op, long incidentId, long unitId) =>
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));

    private static async Task<(List<long> Seqs, bool Truncated)> FeedAsync(HttpClient client, long after)
    {
        using var response = await client.GetAsync($"/api/events?after={after}");
        var body = await ApiClient.OkJsonAsync(response);
        var truncated = response.Headers.TryGetValues(EventEndpoints.TruncatedHeader, out var values) && values.Contains("true");
        return (body.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList(), truncated);
    }

    private static async Task<List<long>> IncidentsInFeedAsync(HttpClient client) =>
        (await ApiClient.OkJsonAsync(await client.GetAsync("/api/events?after=0"))).EnumerateArray()
        .Select(e => e.GetProperty("data").TryGetProperty("incidentId", out var id) ? id.GetInt64() : 0).Where(id => id != 0).ToList();

    private static async Task<List<long>> OfferedAsync(HttpClient client) =>
        (await ApiClient.OkJsonAsync(await client.GetAsync("/api/events?after=0"))).EnumerateArray()
        .Where(e => e.GetProperty("type").GetString() == EventTypes.AssignmentOffered)
        .Select(e => e.GetProperty("data").GetProperty("incidentId").GetInt64()).ToList();

    private long InsertEvent(DateTimeOffset at, string audience)
    {
        using var db = App.OpenDatabase();
        return db.ExecuteScalar<long>("INSERT INTO events (at, type, audience, data) VALUES (@At, 'CallUpdated', @Audience, '{}') RETURNING seq",
            new { At = at.ToUnixTimeMilliseconds(), Audience = audience });
    }
}
