using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Telemetry;
using Dispatch.Api.Tests.Deploy;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Api.Tests.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint of a real app on each database: the system's own metrics move
/// with what happens, no label or span carries a caller's number, and deploy/metrics.md names
/// exactly the psc119_* families the endpoint exposes.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
[NonParallelizable] // Counts read from /metrics and spans from a listener are process-wide: other apps running at the same time would add to them.
public sealed partial class MetricsEndpointTests(string database) : ApiTest(database)
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Telemetry:Prometheus:Enabled"] = "true",
        ["Telemetry:Prometheus:AllowAnonymousFrom:0"] = "127.0.0.1",
    };

    private static string NewId() => $"pbx-{Guid.NewGuid():n}";

    private async Task<Scrape> ScrapeAsync()
    {
        using var client = Api.Anonymous();
        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return new Scrape(text);
    }

    /// <summary>Reads the queue gauges now rather than at the next background tick.</summary>
    private Task RefreshGaugesAsync() => App.Services.GetRequiredService<DispatchSnapshot>().RefreshAsync(CancellationToken.None);

    /// <summary>Scrapes until the condition holds (a push is counted just after it is sent), at most 5 s.</summary>
    private async Task<Scrape> ScrapeUntilAsync(Func<Scrape, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var scrape = await ScrapeAsync();
            if (condition(scrape) || deadline.Elapsed > TimeSpan.FromSeconds(5)) return scrape;
            await Task.Delay(50);
        }
    }

    private async Task<long> IngestAsync(string externalId, string callerNumber, string source)
    {
        using var telephony = Api.Telephony();
        var response = await telephony.PostAsJsonAsync("/api/calls", new
        {
            externalId, callerNumber, source,
            receivedAt = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)),
            location = new { lat = -0.79, lon = 100.65, accuracyMeters = 20 },
        });
        return (await ApiClient.OkJsonAsync(response)).GetProperty("id").GetInt64();
    }

    [Test]
    public async Task The_counters_move_after_an_ingest_and_an_answer()
    {
        await using var listener = await Api.ListenAsync("operator1");
        using var op = await Api.AsAsync("operator1");
        await RefreshGaugesAsync();
        var before = await ScrapeAsync();

        var externalId = NewId();
        var id = await IngestAsync(externalId, "081234567890", "ncc");
        await listener.WaitForAsync(e => e.Type == "CallReceived" && e.Str("externalId") == externalId);
        await RefreshGaugesAsync();
        var ingested = await ScrapeUntilAsync(s =>
            s.Value("psc119_events_push_lag_seconds_count", ("type", "CallReceived")) > before.Value("psc119_events_push_lag_seconds_count", ("type", "CallReceived")));

        Assert.Multiple(() =>
        {
            Assert.That(ingested.Value("psc119_calls_ingested_total", ("source", "ncc")),
                Is.EqualTo(before.Value("psc119_calls_ingested_total", ("source", "ncc")) + 1));
            Assert.That(ingested.Value("psc119_calls_ingested_total", ("source", "line119")),
                Is.EqualTo(before.Value("psc119_calls_ingested_total", ("source", "line119"))), "another source's counter");
            Assert.That(ingested.Value("psc119_events_push_lag_seconds_count", ("type", "CallReceived")),
                Is.EqualTo(before.Value("psc119_events_push_lag_seconds_count", ("type", "CallReceived")) + 1));
            Assert.That(ingested.Value("psc119_calls_waiting"), Is.EqualTo(before.Value("psc119_calls_waiting") + 1));
            Assert.That(ingested.Has("psc119_calls_oldest_waiting_age_seconds"), Is.True);
            Assert.That(ingested.Value("psc119_hub_connections", ("role", "operator")), Is.GreaterThanOrEqualTo(1));
            Assert.That(ingested.Value("psc119_hub_connections", ("role", "crew")), Is.Zero);
            Assert.That(ingested.Value("psc119_units"), Is.EqualTo(6), "the six demo units, every status summed");
            Assert.That(ingested.Value("psc119_units", ("status", "availableAtStation")), Is.EqualTo(6));
            Assert.That(ingested.Families["psc119_calls_ingested_total"], Is.EqualTo("counter"));
        });

        // A repeated delivery is no new call.
        await IngestAsync(externalId, "081234567890", "ncc");
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{id}/answer", null));
        await RefreshGaugesAsync();
        var answered = await ScrapeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(answered.Value("psc119_calls_ingested_total", ("source", "ncc")), Is.EqualTo(ingested.Value("psc119_calls_ingested_total", ("source", "ncc"))));
            Assert.That(answered.Value("psc119_calls_answer_duration_seconds_count"),
                Is.EqualTo(before.Value("psc119_calls_answer_duration_seconds_count") + 1));
            Assert.That(answered.Value("psc119_calls_answer_duration_seconds_sum"), Is.GreaterThanOrEqualTo(0));
            Assert.That(answered.Families["psc119_calls_answer_duration_seconds"], Is.EqualTo("histogram"));
            Assert.That(answered.Value("psc119_calls_waiting"), Is.EqualTo(before.Value("psc119_calls_waiting")));
        });
    }

    [Test]
    public async Task A_refused_sign_in_is_counted_without_the_name_typed()
    {
        var before = await ScrapeAsync();
        using var anonymous = Api.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "zz-nobody-4711", password = "not-the-password" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var after = await ScrapeAsync();
        Assert.That(after.Value("psc119_signin_failures_total", ("reason", "wrong-credentials")),
            Is.EqualTo(before.Value("psc119_signin_failures_total", ("reason", "wrong-credentials")) + 1));
        Assert.That(after.Text, Does.Not.Contain("zz-nobody"));
    }

    // Numbers as callers give them: local, international with separators, a landline, and one
    // too garbled to parse (kept as given).
    private static readonly string[] CallerNumbers = ["081234567890", "+62 812-9876-5432", "0755-20119", "99887766554433"];

    /// <summary>The digits that identify a number however it is written (without the trunk 0 or +62).</summary>
    private static string Core(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("62", StringComparison.Ordinal) ? digits[2..] : digits.TrimStart('0');
    }

    [Test]
    public async Task No_label_value_or_database_span_holds_a_callers_number()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == DatabaseTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        using var op = await Api.AsAsync("operator2");
        var externalIds = new List<string>();
        foreach (var number in CallerNumbers)
        {
            var externalId = NewId();
            externalIds.Add(externalId);
            var id = await IngestAsync(externalId, number, "line119");
            await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{id}/answer", null));
        }
        await RefreshGaugesAsync();
        var scrape = await ScrapeAsync();

        List<Activity> seen;
        lock (spans) seen = [.. spans];
        Assert.That(seen.Select(s => s.DisplayName), Does.Contain("DbSession.Commit").And.Some.StartsWith("CallStore."),
            "every statement runs in a span named after it");
        var labelValues = scrape.Samples.SelectMany(s => s.Labels.Values).Distinct().ToList();
        var tagValues = seen.SelectMany(s => s.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList();
        Assert.Multiple(() =>
        {
            foreach (var number in CallerNumbers)
            {
                Assert.That(labelValues, Has.None.Contains(Core(number)), $"a label value holds {number}");
                Assert.That(tagValues, Has.None.Contains(Core(number)), $"a span holds {number}");
                Assert.That(scrape.Text, Does.Not.Contain(Core(number)), $"the scrape holds {number}");
            }
            foreach (var externalId in externalIds)
            {
                Assert.That(scrape.Text, Does.Not.Contain(externalId));
                Assert.That(tagValues, Has.None.Contains(externalId));
            }
        });
    }

    [Test]
    public async Task The_documented_metric_names_are_what_the_endpoint_exposes()
    {
        // Make every family appear: an answer (the histogram) and a refused sign-in.
        using var op = await Api.AsAsync("operator1");
        var id = await IngestAsync(NewId(), "081234567890", "app");
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{id}/answer", null));
        using var anonymous = Api.Anonymous();
        await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "operator1", password = "wrong-password-here" });
        await RefreshGaugesAsync();
        var exposed = (await ScrapeAsync()).Families.Keys.Where(f => f.StartsWith("psc119_", StringComparison.Ordinal)).ToHashSet();

        var documented = DocumentedNames().Matches(File.ReadAllText(DeployTools.DeployFile("metrics.md")))
            .Select(m => m.Groups["name"].Value).ToHashSet();
        Assert.That(exposed, Is.EquivalentTo(documented), "deploy/metrics.md lists every psc119_* family the endpoint exposes, and no other");

        // The alert rules speak of documented metrics only (a histogram's _bucket/_count/_sum series count as the family).
        var inRules = RuleMetric().Matches(File.ReadAllText(DeployTools.DeployFile("prometheus/alerts.yml")))
            .Select(m => Regex.Replace(m.Value, "_(bucket|count|sum)$", "")).ToHashSet();
        Assert.That(inRules, Is.Not.Empty);
        Assert.That(inRules, Is.SubsetOf(documented), "deploy/prometheus/alerts.yml uses a metric the endpoint does not expose");
    }

    // A documented family is a table row starting with its name in backticks.
    [GeneratedRegex(@"^\| `(?<name>psc119_[a-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedNames();

    [GeneratedRegex(@"psc119_[a-z0-9_]+")]
    private static partial Regex RuleMetric();
}
