using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>
/// Every page, for the role that opens it, in both languages, with rows on it (a call with a
/// withheld number and an unknown source, an assigned incident, the demo history): no text a
/// person reads may be one of the server's codes, null, undefined or NaN, and the Indonesian page
/// holds no English server sentence or English control. The codes come from the server's own
/// enums and constants, so a code added there is checked here without touching this test.
/// </summary>
public sealed partial class LanguageWalkTests : BrowserTest
{
    protected override Dictionary<string, string?> Settings => new() { ["Seed:DemoHistory"] = "400" };

    [OneTimeSetUp]
    public async Task PutRowsOnEveryPage()
    {
        // A defective call kept with flags: no number, a source nobody knows, a time without zone.
        using (var line = Api.Telephony())
        {
            var receivedAt = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            var odd = await line.PostAsJsonAsync("/api/calls", new { externalId = $"walk-odd-{Guid.NewGuid():n}", callerNumber = (string?)null, receivedAt, source = "sms" });
            await ApiClient.OkJsonAsync(odd);
            await Api.IngestAsync($"walk-ncc-{Guid.NewGuid():n}", callerNumber: "081233344455");
        }
        // An incident with crew1's unit on it, so the boards and the crew page have an assignment.
        using var op = await Api.AsAsync("operator1");
        var incident = await Api.OpenIncidentAsync(op, $"walk-inc-{Guid.NewGuid():n}");
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incident}/assign", new { unitId = 1 }));
        // A call closed as a prank, for the outcome counts.
        var prank = (await Api.IngestAsync($"walk-prank-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{prank}/answer", null));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{prank}/close", new { outcome = "prank" }));
    }

    [TestCase("id")]
    [TestCase("en")]
    public async Task The_login_page_speaks_the_language_and_says_a_wrong_password_in_it(string lang)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString().TrimEnd('/'), Locale = "id-ID" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await UseLanguageAsync(page, lang, "/login");
        await page.FillAsync("#username", "operator1");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("#login-error")).ToHaveTextAsync(lang == "id" ? "Nama pengguna atau kata sandi salah." : "Wrong user name or password.");
        await AssertPageSpeaksAsync(page, lang);
        await context.DisposeAsync();
    }

    [TestCase("id")]
    [TestCase("en")]
    public async Task The_reports_page_names_everything_in_words_and_refuses_a_bad_range_in_the_language(string lang)
    {
        var page = await OpenAsync("dinkes1", "/reports", lang, expectHub: false);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 15000 });
        await Expect(page.Locator("#heatmap tbody th").First).ToHaveTextAsync(lang == "id" ? "Min" : "Sun");
        await Expect(page.Locator("#intervals tbody td").First).ToHaveTextAsync(lang == "id" ? "Panggilan → dijawab" : "Call → answer");
        await Expect(page.Locator("#intervals tbody td").First).ToHaveAttributeAsync("title", new Regex(lang == "id" ? "^Dari panggilan" : "^From the call"));
        await Expect(page.Locator("#filter-unit option").Nth(1)).ToHaveTextAsync("AMB-01 (contoh)");
        await Expect(page.Locator("#filter-unit option").First).ToHaveTextAsync(lang == "id" ? "semua" : "all");
        await Expect(page.Locator("#kode-psc-warning")).ToBeVisibleAsync(); // Reporting:KodePsc is unset here
        await Expect(page.Locator("#report-filters")).ToContainTextAsync(lang == "id" ? "Triase: semua" : "Triage: all");
        await AssertPageSpeaksAsync(page, lang);

        // The import: a preview names its targets in words and says what it would do.
        await page.SetInputFilesAsync("#import-file", Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Data", "history.csv"));
        await Expect(page.Locator("#mapping select[data-header]")).ToHaveCountAsync(13);
        await page.ClickAsync("#import-preview"); // "No" is not mapped to the call number yet: refused
        await Expect(page.Locator("#page-alert")).ToContainTextAsync(lang == "id" ? "Petakan kolom" : "Map the columns");
        await page.SelectOptionAsync("select[data-header='No']", "externalId");
        await page.SelectOptionAsync("select[data-header='Waktu Telepon']", "callReceived");
        await page.SelectOptionAsync("select[data-header='Triase']", "triage");
        await page.SelectOptionAsync("select[data-header='Lat']", "lat");
        await page.SelectOptionAsync("select[data-header='Lon']", "lon");
        await page.SelectOptionAsync("select[data-header='Ambulans']", "unit");
        await page.ClickAsync("#import-preview");
        // Rows with an unknown triage or unit are kept and flagged; the job's progress is shown.
        await Expect(page.Locator(".import-outcome")).ToContainTextAsync(lang == "id" ? "akan diimpor 7" : "7 would be imported");
        await Expect(page.Locator("#import-status")).ToContainTextAsync(lang == "id" ? "Dibaca 10 baris" : "Read 10 rows");
        await Expect(page.Locator("#import-bar")).ToBeVisibleAsync();
        await Expect(page.Locator("table.rejected")).ToContainTextAsync(lang == "id" ? "sudah ada di baris sebelumnya" : "appears on an earlier line");
        await Expect(page.Locator("table.unknown-values[data-field='unit']")).ToContainTextAsync("AMB-99");
        await AssertPageSpeaksAsync(page, lang);
        // Map the unknown unit in the page and preview again: it is no longer unknown, nor flagged for it.
        await page.Locator("table.unknown-values[data-field='unit'] select").SelectOptionAsync("AMB-01 (contoh)");
        await page.ClickAsync("#import-remap");
        await Expect(page.Locator("table.unknown-values[data-field='unit']")).ToHaveCountAsync(0);
        await Expect(page.Locator("table.unknown-values[data-field='triage']")).ToContainTextAsync("ungu");
        await Expect(page.Locator(".import-flagged")).ToContainTextAsync(lang == "id" ? "Unit (kode panggil): 1" : "Unit (call sign): 1");
        await AssertPageSpeaksAsync(page, lang);

        // A range that ends before it starts: the server refuses, the page says why in its language.
        await page.FillAsync("#from", "2025-03-31");
        await page.FillAsync("#to", "2025-03-01");
        await page.ClickAsync("#filters button[type=submit]");
        await Expect(page.Locator("#page-alert")).ToContainTextAsync(lang == "id" ? "Tanggal akhir" : "end date");
        await AssertPageSpeaksAsync(page, lang);

        // An empty range says so instead of drawing empty charts.
        await page.FillAsync("#from", "2001-01-01");
        await page.FillAsync("#to", "2001-01-31");
        await page.ClickAsync("#filters button[type=submit]");
        await Expect(page.Locator("#no-data")).ToBeVisibleAsync();
        await Expect(page.Locator("#summary")).ToBeHiddenAsync();
        await AssertPageSpeaksAsync(page, lang);
    }

    [TestCase("id")]
    [TestCase("en")]
    public async Task The_planning_page_speaks_the_language(string lang)
    {
        var page = await OpenAsync("dinkes1", "/planning", lang, expectHub: false);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 15000 });
        await Expect(page.Locator("#coverage-summary")).ToContainTextAsync(lang == "id" ? "garis lurus" : "straight line");
        await page.Locator("#placement-run").ClickAsync();
        await Expect(page.Locator("#placement-additions tbody tr").First).ToBeVisibleAsync();
        await AssertPageSpeaksAsync(page, lang);

        // A simulation's result and the scenario editor, in words too.
        await page.Locator("#add-unit").ClickAsync();
        await page.Locator("#run").ClickAsync();
        await Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await AssertPageSpeaksAsync(page, lang);
    }

    [TestCase("id")]
    [TestCase("en")]
    public async Task The_admin_page_shows_a_refused_field_beside_it_in_the_language(string lang)
    {
        var page = await OpenAsync("admin", "/admin", lang);
        await Expect(page.Locator("#users tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("nav.page-links a")).ToHaveCountAsync(3); // console, reports and planning; this page is marked, not linked
        await AssertPageSpeaksAsync(page, lang);

        var newUnit = page.Locator("#units tbody tr").Last;
        await newUnit.Locator("button").ClickAsync();
        await Expect(newUnit.Locator("[name=callSign] + .field-error")).ToHaveTextAsync(
            lang == "id" ? "Kode panggil wajib diisi (paling panjang 50 huruf)." : "A call sign is required (at most 50 characters).");
        await Expect(newUnit.Locator("[name=callSign]")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertPageSpeaksAsync(page, lang);
    }

    [TestCase("operator1", "/", "id")]
    [TestCase("operator1", "/", "en")]
    [TestCase("admin", "/", "id")]
    [TestCase("crew1", "/crew", "id")]
    [TestCase("crew1", "/crew", "en")]
    [TestCase("rs1", "/facility", "id")]
    [TestCase("rs1", "/facility", "en")]
    public async Task The_live_pages_show_no_code_in_either_language(string user, string path, string lang)
    {
        var page = await OpenAsync(user, path, lang);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await page.WaitForFunctionAsync(path switch
        {
            "/" => "() => document.querySelectorAll('#queue > *').length >= 2 && document.querySelector('#units-board')?.innerText.includes('AMB-01')",
            "/facility" => "() => document.querySelectorAll('#ed-buttons button').length === 4 && document.querySelectorAll('#bed-rows .bed-row').length === 7",
            _ => "() => !document.querySelector('#assignment-card')?.hidden",
        });
        if (user == "admin") await Expect(page.Locator("nav.page-links a")).ToHaveCountAsync(3); // admin, reports and planning
        await AssertPageSpeaksAsync(page, lang);
    }

    [TestCase("id")]
    [TestCase("en")]
    public async Task The_consoles_call_panel_and_recommendation_show_no_code_in_either_language(string lang)
    {
        var page = await OpenAsync("operator2", "/", lang);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        using (var line = Api.Telephony())
        {
            var receivedAt = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            await ApiClient.OkJsonAsync(await line.PostAsJsonAsync("/api/calls", new { externalId = $"walk-panel-{Guid.NewGuid():n}", callerNumber = "anonymous", receivedAt, source = "pager" }));
        }
        var answer = page.Locator("#queue li.waiting button.answer").First;
        await Expect(answer).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Alt+J");
        await Expect(page.Locator("#call-form")).ToBeVisibleAsync();
        await AssertPageSpeaksAsync(page, lang);

        await page.SelectOptionAsync("#kelurahan", new SelectOptionValue { Index = 1 });
        await page.Keyboard.PressAsync("Alt+2");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("#candidates li").First).ToBeVisibleAsync();
        await AssertPageSpeaksAsync(page, lang);
    }

    private async Task<IPage> OpenAsync(string user, string path, string lang, bool expectHub = true)
    {
        var page = await SignInAsync(user, expectHub: expectHub);
        await UseLanguageAsync(page, lang, path);
        return page;
    }

    private static async Task UseLanguageAsync(IPage page, string lang, string path)
    {
        await page.EvaluateAsync("lang => localStorage.setItem('psc119.lang', lang)", lang);
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.Locator("#language")).Not.ToBeEmptyAsync(); // the page's script has run
    }
}
