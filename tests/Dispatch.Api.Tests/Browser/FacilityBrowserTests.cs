using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// Issue 15 in the browser: the hospital's page (availability with large controls, an incoming
/// patient pushed and acknowledged), and the crew's destination list by ETA with its warning.
/// </summary>
public sealed class FacilityBrowserTests : BrowserTest
{
    private const long Hospital = 5; // the sample hospital, rs1's own
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Test]
    public async Task The_hospital_sets_status_and_beds_sees_an_incoming_patient_and_acknowledges_it()
    {
        var page = await SignInAsync("rs1", Phone);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/facility$"));
        await Expect(page.Locator("#facility-name")).ToHaveTextAsync("Rumah Sakit Contoh A");

        await page.ClickAsync("#ed-buttons [data-ed=full]");
        await page.FillAsync("#bed-igd", "4");
        await page.ClickAsync("#bed-rows button[aria-label='ICU +1']");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#saved")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#ed-buttons [data-ed=full]")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.Locator("[data-bed-age=igd]")).ToHaveTextAsync("baru saja");
        using var op = await Api.AsAsync("operator1");
        var reported = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).EnumerateArray()
            .Single(f => f.GetProperty("id").GetInt64() == Hospital).GetProperty("availability");
        Assert.That(reported.GetProperty("edStatus").GetString(), Is.EqualTo("full"));
        Assert.That(reported.GetProperty("beds").GetProperty("igd").GetInt32(), Is.EqualTo(4));
        Assert.That(reported.GetProperty("beds").GetProperty("icu").GetInt32(), Is.EqualTo(1));

        using var crew = await Api.AsAsync("crew1");
        var incidentId = await Api.OnSceneAsync(op, crew, 1, "fac-page-1");
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync("/api/units/1/status", new { status = "transporting", destinationId = Hospital }));
        var card = page.Locator("#incoming-list li").Filter(new() { HasText = $"#{incidentId}" });
        await Expect(card).ToContainTextAsync("nyeri dada");
        await Expect(card).ToHaveAttributeAsync("data-acknowledged", "false");
        await card.Locator("button[data-acknowledge]").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(card).ToContainTextAsync("rs1");
        await ScreenshotAsync(page, "facility-page");

        await ApiClient.ArriveAndFreeAsync(crew, 1);
        await Expect(card).ToHaveCountAsync(0);
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task The_admin_previews_a_bed_data_file_then_applies_it()
    {
        var page = await SignInAsync("admin", expectHub: false);
        await page.GotoAsync("/admin");
        await Expect(page.Locator("#users tbody tr").First).ToBeVisibleAsync(); // the page is ready: its controls have their handlers
        const string csv = "nama,igd\nPuskesmas Tanah Garam (lokasi contoh),2\nRS Tidak Ada,1\n";
        await page.SetInputFilesAsync("#facility-import-file", new FilePayload { Name = "beds.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#facility-import-preview");
        var result = page.Locator("#facility-import-result");
        await Expect(result).ToHaveAttributeAsync("data-dry-run", "true");
        await Expect(result).ToHaveTextAsync("1 cocok, 1 diperbarui, 0 dibuat, 1 tidak dikenal: RS Tidak Ada");
        using var op = await Api.AsAsync("operator1");
        JsonElement Puskesmas(JsonElement list) => list.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Puskesmas Tanah Garam (lokasi contoh)");
        Assert.That(Puskesmas(await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).GetProperty("availability").ValueKind, Is.EqualTo(JsonValueKind.Null));

        await page.ClickAsync("#facility-import-apply");
        await Expect(result).ToHaveAttributeAsync("data-dry-run", "false");
        var beds = Puskesmas(await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).GetProperty("availability").GetProperty("beds");
        Assert.That(beds.GetProperty("igd").GetInt32(), Is.EqualTo(2));
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task The_crew_sees_destinations_nearest_first_and_confirms_a_diverting_hospital()
    {
        using var admin = await Api.AsAsync("admin");
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/facilities/{Hospital}/availability", new { edStatus = "diverting" }));
        using var op = await Api.AsAsync("operator1");
        using var crew = await Api.AsAsync("crew1");
        var facilities = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).EnumerateArray().ToList();
        var nearest = facilities.First(f => f.GetProperty("kind").GetString() == "puskesmas");
        await ApiClient.OkJsonAsync(await crew.PostAsJsonAsync("/api/units/1/position",
            new { lat = nearest.GetProperty("lat").GetDouble(), lon = nearest.GetProperty("lon").GetDouble() }));
        var incidentId = await Api.OnSceneAsync(op, crew, 1, "fac-dest-1");

        var page = await SignInAsync("crew1", Phone);
        await Expect(page.Locator("#destination-box")).ToBeVisibleAsync();
        var expected = (await ApiClient.OkJsonAsync(await crew.GetAsync("/api/units/1/destinations"))).EnumerateArray().ToList();
        var etas = expected.Select(d => d.GetProperty("etaSeconds").GetDouble()).ToList();
        Assert.That(etas, Is.Ordered, "nearest first");
        Assert.That(expected[0].GetProperty("id").GetInt64(), Is.EqualTo(nearest.GetProperty("id").GetInt64()));
        var values = await page.Locator("#destination option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
        Assert.That(values, Is.EqualTo(expected.Select(d => d.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()));
        var hospitalOption = page.Locator($"#destination option[value='{Hospital}']");
        await Expect(hospitalOption).ToContainTextAsync("alihkan pasien");
        await Expect(hospitalOption).ToContainTextAsync("diperbarui");
        await Expect(page.Locator("#destination option").Nth(1)).ToContainTextAsync("garis lurus"); // no road network in tests

        await page.SelectOptionAsync("#destination", Hospital.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#steps button[data-status=transporting]");
        await Expect(page.Locator("#destination-warning")).ToBeVisibleAsync();
        await Expect(page.Locator("#destination-warning-text")).ToContainTextAsync("Rumah Sakit Contoh A");
        var before = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(before.GetProperty("status").GetString(), Is.EqualTo("onScene"), "nothing sent before the crew confirms");
        await page.ClickAsync("#destination-confirm");
        await Expect(page.Locator("#destination-warning")).ToBeHiddenAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-response-status", "transporting");
        var after = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}"));
        Assert.That(after.GetProperty("responses").EnumerateArray().Last().GetProperty("destinationId").GetInt64(), Is.EqualTo(Hospital));
        await ScreenshotAsync(page, "crew-destination-warning");

        await ApiClient.ArriveAndFreeAsync(crew, 1);
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/facilities/{Hospital}/availability", new { edStatus = "open" }));
    }
}
