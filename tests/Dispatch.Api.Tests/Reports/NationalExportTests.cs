using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Reports;

/// <summary>
/// The national export's fields from the clinical records (issue 15): <c>crew</c> (the crew members
/// of each unit sent, as they were then: bound to the unit when it was sent or acting on the
/// response later; not a disabled account, not a declined unit), and <c>korban</c>, <c>icd_10</c> and
/// <c>rumahsakit_rujukan</c> from the patient records.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class NationalExportTests(string database) : ApiTest(database)
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
        var row = await ExportedAsync(op, office, incidentId);

        Assert.That(row.GetProperty("crew").GetString(), Is.EqualTo($"Kru Awal ({callSign}), Kru Belakangan ({callSign})"),
            "bound when sent, then the one who acted later, once although they acted twice; no disabled account, no declined unit");
    }

    [Test]
    public async Task Korban_icd_10_and_rumahsakit_rujukan_come_from_the_patient_records()
    {
        using var op = await Api.AsAsync("operator1");
        using var office = await Api.AsAsync("dinkes1");
        var facilities = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() is "hospital" or "puskesmas").ToList();
        var (first, second) = (facilities[0], facilities[1]);
        var incidentId = await Api.OpenIncidentAsync(op, "national-export-patients");
        var estimate = await ExportedAsync(op, office, incidentId);
        Assert.That((estimate.GetProperty("korban").GetInt32(), estimate.GetProperty("icd_10").ValueKind, estimate.GetProperty("rumahsakit_rujukan").ValueKind),
            Is.EqualTo((1, JsonValueKind.Null, JsonValueKind.Null)), "without records: the operator's patient count, no diagnosis, no destination");

        foreach (var patient in new object[]
                 {
                     new { icd10 = "S52.5", destinationId = second.GetProperty("id").GetInt64() },
                     new { icd10 = "I21.9", destinationId = first.GetProperty("id").GetInt64() },
                     new { icd10 = "s52.5", destinationId = second.GetProperty("id").GetInt64() },
                 })
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", patient));
        var row = await ExportedAsync(op, office, incidentId);

        Assert.That(row.GetProperty("korban").GetInt32(), Is.EqualTo(3), "the crews' records, not the estimate");
        Assert.That(row.GetProperty("icd_10").GetString(), Is.EqualTo("S52.5, I21.9"), "each diagnosis once, in the order first recorded");
        Assert.That(row.GetProperty("rumahsakit_rujukan").GetString(),
            Is.EqualTo($"{second.GetProperty("name").GetString()}, {first.GetProperty("name").GetString()}"), "each facility once, in the order chosen");
    }

    private static async Task<JsonElement> ExportedAsync(HttpClient op, HttpClient office, long incidentId)
    {
        var received = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"))).GetProperty("times").GetProperty("callReceived").GetDateTimeOffset();
        var day = DateOnly.FromDateTime(received.ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (await ApiClient.OkJsonAsync(await office.GetAsync($"/api/exports/kemenkes?from={day}&to={day}&format=json"))).EnumerateArray()
            .Single(r => r.GetProperty("ticket_id").GetString() == incidentId.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<long> CreateCrewAsync(HttpClient admin, string name, string displayName, long unitId)
    {
        var id = (await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users",
            new { username = name, displayName, role = "crew", unitId, password = "kata-sandi-awal" }))).GetProperty("id").GetInt64();
        await Api.ChooseOwnPasswordAsync(name, "kata-sandi-awal", OwnPassword);
        return id;
    }
}
