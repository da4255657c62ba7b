using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The caller rings back: the operator finds the incident from the console's search box, keyboard only.</summary>
public sealed class IncidentSearchBrowserTests : BrowserTest
{
    [Test]
    public async Task An_operator_types_the_number_presses_Enter_and_opens_the_incident()
    {
        using var op = await Api.AsAsync("operator2");
        var call = await Api.IngestAsync($"web-search-{Guid.NewGuid():n}", callerNumber: "+6281271003344");
        var callId = call.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var incident = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident",
            new { lat = -0.79, lon = 100.65, address = "Jl. Cari Kembali 3", complaint = "napas berhenti", triage = "merah" }));
        var id = incident.GetProperty("id").GetInt64();

        var page = await SignInAsync("operator1");
        await page.Keyboard.PressAsync("Alt+f");
        await Expect(page.Locator("#search-text")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("0812 7100 3344");
        await page.Keyboard.PressAsync("Enter");

        var result = page.Locator($"#search-results .search-item[data-incident-id='{id}']");
        await Expect(result).ToBeFocusedAsync();
        await Expect(result).ToContainTextAsync("+6281271003344");
        await Expect(result).ToContainTextAsync("Jl. Cari Kembali 3");
        await Expect(result).ToContainTextAsync("Menunggu unit");
        await Expect(page.Locator("#search-results .search-item")).ToHaveCountAsync(1);
        await Expect(page.Locator("#search-results")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\b(null|undefined|NaN)\b"));
        await ScreenshotAsync(page, "console-search");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#search-results")).ToBeHiddenAsync();
        // Waiting for a unit: opened as Enter on its board row opens it, with the recommendation.
        await Expect(page.Locator("#recommend")).ToBeVisibleAsync();
        await Expect(page.Locator("#recommend-for")).ToContainTextAsync($"#{id}");
        await Expect(page.Locator($"#incidents-board tr[data-incident-id='{id}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfound\b"));
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_finished_incident_found_by_words_shows_what_became_of_it()
    {
        using var op = await Api.AsAsync("operator2");
        var id = await Api.OpenIncidentAsync(op, $"web-search-{Guid.NewGuid():n}");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/cancel", new { reason = "pasien dibawa keluarga" }));

        var page = await SignInAsync("operator1");
        await page.Keyboard.PressAsync("Alt+f");
        await page.Keyboard.TypeAsync("NYERI dada");
        await page.Keyboard.PressAsync("Enter");
        var result = page.Locator($"#search-results .search-item[data-incident-id='{id}']");
        await Expect(result).ToBeVisibleAsync();
        await result.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(result.Locator(".search-detail")).ToContainTextAsync("Dibatalkan");
        await Expect(result.Locator(".search-detail")).ToContainTextAsync("pasien dibawa keluarga");

        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#search-results")).ToBeHiddenAsync();
        await Expect(page.Locator("#search-text")).ToBeFocusedAsync();
        Assert.That(ConsoleErrors, Is.Empty);
    }

    [Test]
    public async Task A_refused_search_shows_its_reason_in_the_page_language()
    {
        var page = await SignInAsync("operator1");
        await page.Keyboard.PressAsync("Alt+f");
        await page.Keyboard.TypeAsync("satu dua tiga empat lima enam");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#page-alert")).ToContainTextAsync("Paling banyak 5 kata");
        ConsoleErrors.RemoveAll(e => e.StartsWith("400 ", StringComparison.Ordinal) && e.Contains("/api/incidents/search", StringComparison.Ordinal));
        Assert.That(ConsoleErrors.Where(e => !e.Contains("400", StringComparison.Ordinal)), Is.Empty);
    }
}
