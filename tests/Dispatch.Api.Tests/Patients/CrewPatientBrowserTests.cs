using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Browser;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Patients;

/// <summary>
/// Patient entry on the crew's phone without signal (issue 15): the record is kept on the phone,
/// survives a reload, reaches the server once the signal is back, exactly once, and the phone
/// forgets it when the assignment is over.
/// </summary>
[NonParallelizable]
public sealed class CrewPatientBrowserTests : BrowserTest
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private async Task<JsonElement[]> PatientsAsync(HttpClient op, long incidentId) =>
        [.. (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/patients"))).EnumerateArray()];

    // The phone sends what waited once it has signal: poll the server until the observation is there.
    private async Task<JsonElement[]> ArrivedAsync(HttpClient op, long incidentId)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        for (;;)
        {
            var patients = await PatientsAsync(op, incidentId);
            if (patients.Any(p => p.GetProperty("observations").GetArrayLength() > 0) || TimeProvider.System.GetUtcNow() > deadline) return patients;
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task A_shared_phone_forgets_the_sent_patient_records_when_the_crew_member_logs_out()
    {
        using var crewClient = await Api.AsAsync("crew2");
        var unitId = (await ApiClient.OkJsonAsync(await crewClient.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        using var op = await Api.AsAsync("operator1");
        await Incidents.Dispatching.FreeAllUnitsAsync(Api);
        var incidentId = await Api.OpenIncidentAsync(op, $"crew-patient-logout-{Guid.NewGuid():n}");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        var crew = await SignInAsync("crew2", Phone);
        await crew.ClickAsync("#accept");
        await crew.ClickAsync("#patient-add");
        await crew.Locator(".patient-card").First.Locator(".triage-kuning").ClickAsync();
        await Expect(crew.Locator("#patients-waiting")).ToBeEmptyAsync();
        Assert.That(await PatientsAsync(op, incidentId), Has.Length.EqualTo(1), "sent");
        var key = $"psc119.crewPatients.{unitId}";
        Assert.That(await crew.EvaluateAsync<string?>($"localStorage.getItem('{key}')"), Is.Not.Null, "kept on the phone while the assignment runs");

        await crew.ClickAsync("#logout");
        await crew.WaitForURLAsync("**/login");
        Assert.That(await crew.EvaluateAsync<string?>($"localStorage.getItem('{key}')"), Is.Null, "the next person on this phone finds no health data");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "uji" }));
    }

    [Test]
    public async Task A_patient_entered_offline_survives_a_reload_and_arrives_once_with_its_observations()
    {
        using var crewClient = await Api.AsAsync("crew2");
        var unitId = (await ApiClient.OkJsonAsync(await crewClient.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        using var op = await Api.AsAsync("operator1");
        await Incidents.Dispatching.FreeAllUnitsAsync(Api);
        var incidentId = await Api.OpenIncidentAsync(op, $"crew-patient-{Guid.NewGuid():n}");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        var crew = await SignInAsync("crew2", Phone);
        await crew.ClickAsync("#accept");
        await Expect(crew.Locator("#patients")).ToBeVisibleAsync();

        await crew.Context.SetOfflineAsync(true);
        await crew.ClickAsync("#patient-add");
        var card = crew.Locator(".patient-card").First;
        await card.Locator(".triage-merah").ClickAsync();
        await card.Locator("input[name=age]").FillAsync("45");
        await card.Locator("input[name=age]").DispatchEventAsync("change");
        await card.Locator("input[name=pulse]").FillAsync("110");
        await card.Locator("input[name=spo2]").FillAsync("93");
        await card.Locator(".obs-form button[type=submit]").ClickAsync();
        await Expect(crew.Locator("#patients-waiting")).ToContainTextAsync("menunggu sinyal");
        await Expect(card).ToContainTextAsync("SpO2 93%");
        Assert.That(await PatientsAsync(op, incidentId), Is.Empty, "nothing reached the server offline");

        // Reloaded once the signal is back: what waited on the phone is sent, in order, once.
        var page = crew.Context.Pages[0];
        var fresh = await crew.Context.NewPageAsync();
        await page.CloseAsync();
        await crew.Context.SetOfflineAsync(false);
        await fresh.GotoAsync("/crew");
        var patients = await ArrivedAsync(op, incidentId);
        await Expect(fresh.Locator("#patients-waiting")).ToBeEmptyAsync();
        Assert.That(patients, Has.Length.EqualTo(1));
        Assert.That((patients[0].GetProperty("triage").GetString(), patients[0].GetProperty("age").GetInt32()), Is.EqualTo(("merah", 45)));
        var observation = patients[0].GetProperty("observations").EnumerateArray().Single();
        Assert.That((observation.GetProperty("pulse").GetInt32(), observation.GetProperty("spo2").GetInt32()), Is.EqualTo((110, 93)));
        await Expect(fresh.Locator(".patient-card")).ToHaveCountAsync(1);

        // The assignment ends: the phone keeps no personal data of it.
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/cancel", new { reason = "uji" }));
        await Expect(fresh.Locator("#patients")).ToBeHiddenAsync();
        Assert.That(await fresh.EvaluateAsync<string?>($"localStorage.getItem('psc119.crewPatients.{unitId}')"), Is.Null);
        Assert.That(ConsoleErrors.Where(e => !e.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)), Is.Empty, "only the requests made without signal failed");
    }

    [Test]
    public async Task The_console_panel_shows_a_patient_recorded_by_the_crew_live()
    {
        using var op = await Api.AsAsync("operator1");
        using var crewClient = await Api.AsAsync("crew1");
        var unitId = (await ApiClient.OkJsonAsync(await crewClient.GetAsync("/api/auth/me"))).GetProperty("unitId").GetInt64();
        await Incidents.Dispatching.FreeAllUnitsAsync(Api);
        var incidentId = await Api.OpenIncidentAsync(op, $"console-patient-{Guid.NewGuid():n}");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/assign", new { unitId }));
        var page = await SignInAsync("operator2");
        await page.Locator($"#incidents-board tr[data-incident-id='{incidentId}'] td.place").ClickAsync();
        await Expect(page.Locator("#incident-title")).ToContainTextAsync($"#{incidentId}");
        await Expect(page.Locator("#incident-patients .no-patients")).ToBeVisibleAsync();

        var id = Guid.NewGuid().ToString();
        await ApiClient.OkJsonAsync(await crewClient.PostAsJsonAsync($"/api/incidents/{incidentId}/patients",
            new { id, name = "Rudi", age = 8, sex = "male", triage = "kuning", icd10 = "S52.5" }));
        var patient = page.Locator($"#incident-patients li.patient[data-patient-id='{id}']");
        await Expect(patient).ToContainTextAsync("Rudi", new() { Timeout = 2000 });
        await Expect(patient).ToContainTextAsync("8 th · L");
        await Expect(patient).ToContainTextAsync("S52.5");
        await ApiClient.OkJsonAsync(await crewClient.PostAsJsonAsync($"/api/incidents/{incidentId}/patients/{id}/observations", new { pulse = 128, spo2 = 96 }));
        await Expect(patient).ToContainTextAsync("N 128 · SpO2 96%", new() { Timeout = 2000 });
        Assert.That(ConsoleErrors, Is.Empty);
    }
}
