using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Api.Tests.Browser;

public sealed partial class ConsoleResponsesTests
{
    private const int ShiftCalls = 5000, Batch = 250, Parallel = 24;
    // Every tenth call becomes an incident: cancelled, or (every fiftieth) sent a unit, brought back by radio and closed.
    private const int IncidentEvery = 10, ClosedEvery = 50;

    /// <summary>
    /// A console left open through a long shift stays light: 5,000 calls come in, are answered and
    /// closed, one in ten opens an incident that is cancelled or closed, while the page is open. The
    /// queue and boards keep what is active, not everything seen: after a garbage collection, the
    /// page's JS heap and DOM node count are back near where they started.
    /// </summary>
    [Test]
    public async Task A_console_open_through_five_thousand_calls_keeps_its_heap_and_DOM_bounded()
    {
        var page = await SignInAsync("operator1");
        await Expect(page.Locator("#units-board tbody tr").First).ToBeVisibleAsync(); // the page has loaded its lists
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        // A first round warms the page's code paths (compiled code, caches), so that the baseline is not the cold page.
        await ShiftAsync(page, 0, Batch);
        var before = await MeasureAsync(cdp);

        await ShiftAsync(page, Batch, ShiftCalls);
        var after = await MeasureAsync(cdp);
        var report = $"JS heap {before.Heap / 1024} KiB -> {after.Heap / 1024} KiB, DOM nodes {before.Nodes} -> {after.Nodes} over {ShiftCalls} calls";
        TestContext.Out.WriteLine(report);
        Console.WriteLine(report);

        // Kept everything seen, 5,000 calls would leave tens of thousands of nodes and megabytes of objects.
        Assert.That(after.Nodes - before.Nodes, Is.LessThan(300), report);
        Assert.That(after.Heap - before.Heap, Is.LessThan(2 * 1024 * 1024), report);
        Assert.That(await page.Locator("#queue li").CountAsync(), Is.Zero, "every call was closed: the queue is empty");
        Assert.That(ConsoleErrors, Is.Empty);
    }

    private static async Task<(long Heap, long Nodes)> MeasureAsync(ICDPSession cdp)
    {
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var metrics = (await cdp.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        return ((long)metrics["JSHeapUsedSize"], (long)metrics["Nodes"]);
    }

    /// <summary>Calls <paramref name="from"/> to <paramref name="to"/> in batches ingested in parallel, then answered and finished; waits until the page has seen the last batch go.</summary>
    private async Task ShiftAsync(IPage page, int from, int to)
    {
        using var op = await OperatorAsync();
        using var line = Api.Telephony();
        var prefix = $"shift-{Guid.NewGuid():n}";
        for (var start = from; start < to; start += Batch)
        {
            var numbers = Enumerable.Range(start, Math.Min(Batch, to - start)).ToList();
            var ids = new long[numbers.Count];
            await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, numbers.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, ct) =>
            {
                var response = await line.PostAsJsonAsync("/api/calls", new
                {
                    externalId = $"{prefix}-{numbers[i]}", callerNumber = $"0812{numbers[i]:D8}", source = "line119",
                    receivedAt = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)),
                    location = new { lat = -0.79, lon = 100.65, accuracyMeters = 20.0 },
                }, ct);
                ids[i] = (await ApiClient.OkJsonAsync(response)).GetProperty("id").GetInt64();
            });
            await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, numbers.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
                await FinishAsync(op, ids[i], numbers[i]));
            await Expect(page.Locator($"#queue li[data-call-id='{ids[^1]}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        }
        await Expect(page.Locator("#queue li")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    /// <summary>Answers the call and closes it, or opens an incident from it and cancels or closes that.</summary>
    private static async Task FinishAsync(HttpClient op, long callId, int n)
    {
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        if (n % IncidentEvery != 0)
        {
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/close", new { outcome = "information" }));
            return;
        }
        var incident = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident", new { lat = -0.79, lon = 100.65, triage = "hijau", complaint = "uji sif panjang" }));
        var id = incident.GetProperty("id").GetInt64();
        if (n % ClosedEvery != 0 || !await SendAndBringBackAsync(op, id))
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/cancel", new { reason = "uji sif panjang" }));
    }

    /// <summary>A free unit goes, reports by radio, comes back; the incident is closed. False when no unit was free (another worker had them).</summary>
    private static async Task<bool> SendAndBringBackAsync(HttpClient op, long id)
    {
        var free = (await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{id}/recommendation"))).EnumerateArray()
            .Where(c => c.GetProperty("divertFrom").ValueKind == JsonValueKind.Null).Select(c => c.GetProperty("unitId").GetInt64()).ToList();
        foreach (var unitId in free)
        {
            var assigned = await op.PostAsJsonAsync($"/api/incidents/{id}/assign", new { unitId });
            if (!assigned.IsSuccessStatusCode) continue; // taken by a parallel worker
            foreach (var status in new[] { "enRoute", "onScene", "available" })
                await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/responses/{unitId}/status", new { status }));
            await ApiClient.OkJsonAsync(await op.PostAsync($"/api/incidents/{id}/close", null));
            return true;
        }
        return false;
    }
}
