using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Units;

/// <summary>
/// A crew's tap carries the time it was made (it may have waited for signal): stored as given,
/// refused in the future and before the previous time point; the assignment says what is next.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class CrewTapTimeTests(string database) : ApiTest(database)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>An incident assigned to crew2's unit; returns the incident and the unit-notified time.</summary>
    private async Task<(long IncidentId, long UnitId, DateTimeOffset Notified, HttpClient Op, HttpClient Crew)> AssignedAsync(string externalId)
    {
        var op = await Api.AsAsync("operator1");
        var crew = await Api.AsAsync("crew2");
        var unitId = (await ApiClient.OkJsonAsync(await crew.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        var incidentId = await Api.OpenIncidentAsync(op, externalId);
        var assigned = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        return (incidentId, unitId, assigned.GetProperty("times").GetProperty("unitNotified").GetDateTimeOffset(), op, crew);
    }

    private static async Task FinishAsync(HttpClient crew, long unitId) =>
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "available" }));

    /// <summary>Frees the unit for the next test: an incident not yet on scene is cancelled.</summary>
    private static async Task CancelAsync(HttpClient op, long incidentId) =>
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "test done" }));

    private static string Iso(DateTimeOffset t) => t.ToOffset(Wib).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Ms(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());

    [Test]
    public async Task Taps_sent_late_are_stored_with_the_time_they_were_made_in_the_incident_and_its_log()
    {
        var (incidentId, unitId, notified, op, crew) = await AssignedAsync($"tap-{Guid.NewGuid():n}");
        await Task.Delay(1500); // the taps are "sent" well after they were made
        var acknowledged = Ms(notified.AddMilliseconds(300));
        var enRoute = Ms(notified.AddMilliseconds(700));

        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/acknowledge", new { at = Iso(acknowledged) }));
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute", at = Iso(enRoute) }));

        var times = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"))).GetProperty("times");
        Assert.That(times.GetProperty("acknowledged").GetDateTimeOffset(), Is.EqualTo(acknowledged));
        Assert.That(times.GetProperty("enRoute").GetDateTimeOffset(), Is.EqualTo(enRoute));
        var log = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/log"))).EnumerateArray().ToList();
        DateTimeOffset LoggedAt(string action) => log.Single(e => e.GetProperty("action").GetString() == action).GetProperty("at").GetDateTimeOffset();
        Assert.That(LoggedAt("assignment.acknowledged"), Is.EqualTo(acknowledged));
        Assert.That(LoggedAt("crew.enRoute"), Is.EqualTo(enRoute));
        await CancelAsync(op, incidentId);
    }

    [Test]
    public async Task A_tap_time_in_the_future_or_without_offset_is_refused_naming_at()
    {
        var (incidentId, unitId, _, op, crew) = await AssignedAsync($"future-{Guid.NewGuid():n}");
        var future = TimeProvider.System.GetUtcNow().AddMinutes(5);
        foreach (var response in new[]
        {
            await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute", at = Iso(future) }),
            await crew.PostAsJsonAsync($"/api/units/{unitId}/acknowledge", new { at = Iso(future) }),
            await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute", at = "2026-11-30T10:00:00" }),
            await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute", at = "yesterday" }),
        })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("at", out _), Is.True, body);
        }
        var incident = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("dispatched"), "nothing refused was applied");

        // A phone clock a few seconds fast is within the allowed skew: taken as the server's now.
        var slightlyAhead = TimeProvider.System.GetUtcNow().AddSeconds(10);
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute", at = Iso(slightlyAhead) }));
        var stored = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"))).GetProperty("times").GetProperty("enRoute").GetDateTimeOffset();
        Assert.That(stored, Is.LessThanOrEqualTo(TimeProvider.System.GetUtcNow()), "no time point lies in the server's future");
        await CancelAsync(op, incidentId);
    }

    [Test]
    public async Task A_tap_time_before_the_previous_time_point_or_for_another_incident_is_a_conflict()
    {
        var (incidentId, unitId, notified, op, crew) = await AssignedAsync($"early-{Guid.NewGuid():n}");
        var response = await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute", at = Iso(notified.AddSeconds(-30)) });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(), Is.EqualTo("time-out-of-order"));
        var ack = await crew.PostAsJsonAsync($"/api/units/{unitId}/acknowledge", new { at = Iso(notified.AddSeconds(-30)) });
        Assert.That(ack.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await ack.Content.ReadAsStringAsync());
        var incident = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("dispatched"));

        // A tap meant for another incident (one cancelled while the tap waited for signal) is refused.
        var stale = await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute", incidentId = incidentId + 1000 });
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString(), Is.EqualTo("assignment-changed"));
        var staleAck = await crew.PostAsJsonAsync($"/api/units/{unitId}/acknowledge", new { incidentId = incidentId + 1000 });
        Assert.That(staleAck.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        // Without a time (and without a body, for accept) the step counts from now.
        await ApiClient.OkJsonAsync(await crew.PostAsync($"/api/units/{unitId}/acknowledge", null));
        await CancelAsync(op, incidentId);
    }

    [Test]
    public async Task The_assignment_carries_the_callers_number_category_and_the_steps_allowed_next()
    {
        var (incidentId, unitId, _, op, crew) = await AssignedAsync($"view-{Guid.NewGuid():n}");
        var callId = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"))).GetProperty("callId").GetInt64();
        var callerNumber = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{callId}"))).GetProperty("callerNumber").GetString();

        var offered = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/units/{unitId}/assignment"));
        Assert.That(offered.GetProperty("callerNumber").GetString(), Is.EqualTo(callerNumber).And.Not.Null);
        Assert.That(offered.GetProperty("category").GetString(), Is.EqualTo("nonTrauma"));
        Assert.That(offered.GetProperty("patientCount").GetInt32(), Is.GreaterThanOrEqualTo(0));
        Assert.That(offered.GetProperty("canAcknowledge").GetBoolean(), Is.True);
        Assert.That(Names(offered.GetProperty("nextStatuses")), Is.EqualTo(new[] { "enRoute" }));
        Assert.That(Names(offered.GetProperty("nextStatusesAfter").GetProperty("onScene")), Is.EqualTo(new[] { "transporting", "available", "returning" }));

        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "enRoute" }));
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync($"/api/units/{unitId}/status", new { status = "onScene" }));
        var onScene = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/units/{unitId}/assignment"));
        Assert.That(onScene.GetProperty("canAcknowledge").GetBoolean(), Is.False);
        Assert.That(Names(onScene.GetProperty("nextStatuses")), Is.EqualTo(new[] { "transporting", "available", "returning" }));

        await FinishAsync(crew, unitId);
        var unit = await ApiClient.OkJsonAsync(await crew.GetAsync($"/api/units/{unitId}"));
        Assert.That(unit.GetProperty("status").GetString(), Is.EqualTo("availableOnRoad"));
        Assert.That(Names(unit.GetProperty("nextStatuses")), Is.EqualTo(new[] { "returning", "atStation" }), "an idle unit's own steps");
    }

    private static string[] Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
