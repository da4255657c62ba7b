using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

/// <summary>Urgency at a glance: the working set on one office screen, the board's order and colours, the map.</summary>
public sealed partial class ConsoleShiftTests
{
    private static async Task AssertInViewportAsync(IPage page, ILocator locator, string what)
    {
        await Expect(locator).ToBeVisibleAsync();
        var box = await locator.BoundingBoxAsync();
        var size = page.ViewportSize!;
        Assert.That(box, Is.Not.Null, what);
        Assert.That(box!.Y + box.Height, Is.LessThanOrEqualTo(size.Height), $"{what} is below the screen");
        Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(size.Width), $"{what} is off the right edge");
    }

    [TestCase(1366, 768)]
    [TestCase(1920, 1080)]
    public async Task The_whole_working_set_fits_the_screen_without_page_scrolling(int width, int height)
    {
        var page = await SignInAsync("operator1", new ViewportSize { Width = width, Height = height });
        using var op = await Api.AsAsync("operator2");
        await Api.OpenIncidentAsync(op, $"fit-{Guid.NewGuid():n}", "kuning");
        var callId = await IngestAsync("fit");
        await page.Locator($"#queue li[data-call-id='{callId}'] button.answer").ClickAsync();
        await Expect(page.Locator("#call-form")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+Enter"); // no triage, no place: refused, and the reason must stay in sight
        await Expect(page.Locator("#form-error")).Not.ToBeEmptyAsync();

        var scroll = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollHeight, document.documentElement.clientHeight, document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.That(scroll[0], Is.LessThanOrEqualTo(scroll[1]), "the page scrolls vertically");
        Assert.That(scroll[2], Is.LessThanOrEqualTo(scroll[3]), "the page scrolls sideways");
        await AssertInViewportAsync(page, page.Locator("#create"), "the create button");
        await AssertInViewportAsync(page, page.Locator("#form-error"), "the form's error");
        foreach (var triage in new[] { "merah", "kuning", "hijau", "hitam" })
            await AssertInViewportAsync(page, page.Locator($"#triage label.triage-{triage}"), $"triage {triage}");
        await AssertInViewportAsync(page, page.Locator("#incidents-board"), "the incidents board");
        await AssertInViewportAsync(page, page.Locator("#map"), "the map");

        // Shortcut hints are key caps, not boxes that look like inputs.
        var kbd = await page.Locator("#call-form kbd").First.EvaluateAsync<string[]>("k => { const s = getComputedStyle(k); return [s.fontFamily, s.borderBottomWidth, s.backgroundImage]; }");
        Assert.That(kbd[0], Does.Contain("monospace"));
        Assert.That(kbd[1], Is.EqualTo("3px"));
        Assert.That(kbd[2], Does.StartWith("linear-gradient"));
        await ScreenshotAsync(page, $"console-{width}x{height}");
    }

    [Test]
    public async Task The_board_puts_merah_first_shows_status_chips_time_in_status_and_the_place()
    {
        var page = await SignInAsync("operator1", Office);
        using var op = await Api.AsAsync("operator2");
        var kuning = await Api.OpenIncidentAsync(op, $"order-k-{Guid.NewGuid():n}", "kuning");
        var merah = await Api.OpenIncidentAsync(op, $"order-m-{Guid.NewGuid():n}", "merah");
        var rows = page.Locator("#incidents-board tr.incident");
        await Expect(page.Locator($"#incidents-board tr[data-incident-id='{merah}']")).ToBeVisibleAsync();
        var order = (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.triage + ':' + r.dataset.incidentId)")).ToList();
        Assert.That(order.FindIndex(o => o == $"merah:{merah}"), Is.LessThan(order.FindIndex(o => o == $"kuning:{kuning}")), string.Join(" ", order));
        var lastMerah = order.FindLastIndex(o => o.StartsWith("merah:", StringComparison.Ordinal));
        var firstOther = order.FindIndex(o => !o.StartsWith("merah:", StringComparison.Ordinal));
        Assert.That(firstOther < 0 || lastMerah < firstOther, Is.True, $"every merah before the rest: {string.Join(" ", order)}");

        var row = page.Locator($"#incidents-board tr[data-incident-id='{merah}']");
        await Expect(row.Locator(".status-chip")).ToHaveTextAsync("Menunggu unit");
        var chipColour = await row.Locator(".status-chip").EvaluateAsync<string>("c => getComputedStyle(c).backgroundColor");
        Assert.That(chipColour, Is.Not.EqualTo("rgba(0, 0, 0, 0)"));
        await Expect(row.Locator("td.in-status")).ToHaveTextAsync(new Regex(@"^\d+:\d\d$"));
        await Expect(row.Locator("td.place")).ToContainTextAsync(new Regex(@"\w"));
        // Waiting for a unit past the alarm time: the time-in-status cell turns red.
        await Expect(row.Locator("td.in-status")).ToHaveAttributeAsync("data-level", "late", new() { Timeout = (AlarmSeconds + 3) * 1000 });
        await AssignFirstCandidateAsync(op, merah);
        await Expect(row.Locator(".status-chip")).ToHaveTextAsync("Unit dikirim");
    }

    [Test]
    public async Task The_map_labels_units_by_call_sign_spreads_units_at_one_place_and_has_a_legend()
    {
        var page = await SignInAsync("operator1", FullHd);
        var labels = page.Locator("#map .unit-label");
        await Expect(labels.First).ToBeVisibleAsync();
        var texts = await labels.AllInnerTextsAsync();
        Assert.That(texts, Has.Some.StartsWith("AMB-01"));
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var label in await labels.AllAsync()) boxes.Add((await label.BoundingBoxAsync())!);
        // No two labels cover each other (the demo keeps several units at one post, others close by).
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.That(overlap, Is.False, $"{texts[i]} and {texts[j]} overlap");
            }
        await Expect(page.Locator(".map-legend")).ToContainTextAsync("Siaga");
        await Expect(page.Locator(".map-legend")).ToContainTextAsync("Merah");
        await ScreenshotAsync(page, "console-map-1920x1080");
    }
}
