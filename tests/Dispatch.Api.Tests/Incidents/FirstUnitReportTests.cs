using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using static Dispatch.Api.Tests.Incidents.Dispatching;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// The report's intervals use the first-unit definitions of DOMAIN.md: with two units, the unit
/// sent second but on scene first sets on scene, while unit notified is the first unit sent.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class FirstUnitReportTests(string database) : ApiTest(database)
{
    [Test]
    public async Task The_report_of_the_day_measures_each_interval_from_the_first_unit_to_reach_each_point()
    {
        using var op = await Api.AsAsync("operator1");
        using var office = await Api.AsAsync("dinkes1");
        var (sentFirst, sentSecond) = (await UnitIdAsync(op, "AMB-03"), await UnitIdAsync(op, "AMB-04"));
        var received = TimeProvider.System.GetUtcNow().AddMinutes(-10);
        var callId = (await Api.IngestAsync($"report-{Guid.NewGuid():n}", receivedAt: received)).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var incidentId = (await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident",
            new { lat = -0.79, lon = 100.65, complaint = "kecelakaan", triage = "merah" }))).GetProperty("id").GetInt64();
        await AssignedAsync(op, incidentId, sentFirst);
        var second = ResponseOf(await AssignedAsync(op, incidentId, sentSecond), sentSecond);
        // The second unit was close by: en route and on scene as it was notified (by radio).
        var secondNotified = second.GetProperty("notifiedAt").GetDateTimeOffset();
        await RadioAsync(op, incidentId, sentSecond, "enRoute", secondNotified);
        await RadioAsync(op, incidentId, sentSecond, "onScene", secondNotified);
        await RadioAsync(op, incidentId, sentFirst, "enRoute");
        var incident = await RadioAsync(op, incidentId, sentFirst, "onScene");

        var (a, b) = (ResponseOf(incident, sentFirst), ResponseOf(incident, sentSecond));
        var times = incident.GetProperty("times");
        double Seconds(string from, string to) => (times.GetProperty(to).GetDateTimeOffset() - times.GetProperty(from).GetDateTimeOffset()).TotalSeconds;
        Assert.That(times.GetProperty("unitNotified").GetDateTimeOffset(), Is.EqualTo(a.GetProperty("notifiedAt").GetDateTimeOffset()), "the first unit notified");
        Assert.That(times.GetProperty("onScene").GetDateTimeOffset(), Is.EqualTo(b.GetProperty("onSceneAt").GetDateTimeOffset()), "the first unit on scene");
        var otherUnitsOnScene = (a.GetProperty("onSceneAt").GetDateTimeOffset() - times.GetProperty("callReceived").GetDateTimeOffset()).TotalSeconds;
        Assert.That(otherUnitsOnScene - Seconds("callReceived", "onScene"), Is.GreaterThan(0.005), "the two units' times tell apart");

        var day = received.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await ApiClient.OkJsonAsync(await office.GetAsync($"/api/reports/response-times?from={day}&to={day}"));

        Assert.That(report.GetProperty("incidents").GetInt64(), Is.EqualTo(1));
        var intervals = report.GetProperty("intervals");
        foreach (var (name, from, to) in new[] { ("callToOnScene", "callReceived", "onScene"), ("dispatchToEnRoute", "unitNotified", "enRoute"), ("enRouteToOnScene", "enRoute", "onScene"), ("answerToDispatch", "callAnswered", "unitNotified") })
        {
            var summary = intervals.GetProperty(name);
            Assert.That(summary.GetProperty("count").GetInt64(), Is.EqualTo(1), name);
            Assert.That(summary.GetProperty("median").GetDouble(), Is.EqualTo(Seconds(from, to)).Within(0.0015), name);
        }
        Assert.That(intervals.GetProperty("callToOnScene").GetProperty("median").GetDouble(), Is.Not.EqualTo(otherUnitsOnScene).Within(0.004));
        Assert.That(intervals.GetProperty("callToOnScene").GetProperty("median").GetDouble(), Is.EqualTo(600).Within(60), "the call came in ten minutes ago");
    }
}
