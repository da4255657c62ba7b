using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Reports;

/// <summary>
/// The national export's <c>crew</c> (issue 15): the crew members of each unit sent, as they were
/// then: those bound to the unit when it was sent and those who acted on the response later; not a
/// disabled account, not the crew of a unit that declined (it never went).
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class CrewExportTests(string database) : ApiTest(database)
{
    private const string OwnPassword = "kata-sandi-sendiri";

    [Test]
    public async Task Crew_lists_who_was_bound_when_sent_and_who_acted_later_but_not_a_declined_unit()
    {
        using var admin = await Api.AsAsync("admin");
        using var op = await Api.AsAsync("operator1");
        await CreateCrewAsync(admin, "kru-awal", "Kru Awal", unitId: 5);
        var disabledId = await CreateCrewAsync(admin, "kru-nonaktif", "Kru Nonaktif", unitId: 5);
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{disabledId}", new { role = "crew", unitId = 5, disabled = true }));
        await CreateCrewAsync(admin, "kru-tolak", "Kru Tolak", unitId: 4);

        var incidentId = await Api.OpenIncidentAsync(op, "crew-export-1");
        foreach (var unitId in new[] { 5, 4 })
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        using (var declining = await Api.FreshSessionAsync("kru-tolak", OwnPassword))
            await ApiClient.OkJsonAsync(await declining.PostAsJsonAsync("/api/units/4/decline", new { reason = "mesin mogok" }));
        await CreateCrewAsync(admin, "kru-belakangan", "Kru Belakangan", unitId: 5);
        using (var late = await Api.FreshSessionAsync("kru-belakangan", OwnPassword))
        {
            await ApiClient.OkJsonAsync(await late.PostAsync("/api/units/5/acknowledge", null));
            await ApiClient.OkJsonAsync(await late.PostAsJsonAsync("/api/units/5/status", new { status = "enRoute" }));
        }

        var callSign = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"))).EnumerateArray()
            .Single(u => u.GetProperty("id").GetInt64() == 5).GetProperty("callSign").GetString();
        using var office = await Api.AsAsync("dinkes1");
        var received = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"))).GetProperty("times").GetProperty("callReceived").GetDateTimeOffset();
        var day = DateOnly.FromDateTime(received.ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var row = (await ApiClient.OkJsonAsync(await office.GetAsync($"/api/exports/kemenkes?from={day}&to={day}&format=json"))).EnumerateArray()
            .Single(r => r.GetProperty("ticket_id").GetString() == incidentId.ToString(CultureInfo.InvariantCulture));

        Assert.That(row.GetProperty("crew").GetString(), Is.EqualTo($"Kru Awal ({callSign}), Kru Belakangan ({callSign})"),
            "bound when sent, then the one who acted later, once although they acted twice; no disabled account, no declined unit");
    }

    private async Task<long> CreateCrewAsync(HttpClient admin, string name, string displayName, long unitId)
    {
        var id = (await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users",
            new { username = name, displayName, role = "crew", unitId, password = "kata-sandi-awal" }))).GetProperty("id").GetInt64();
        await Api.ChooseOwnPasswordAsync(name, "kata-sandi-awal", OwnPassword);
        return id;
    }
}
