using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Planning;

/// <summary>Coverage and placement over the demo history (no road file: straight-line estimates).</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class CoverageApiTests(string database) : ApiTest(database)
{
    private const int History = 200;
    private static readonly string Today = TimeProvider.System.GetUtcNow().AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string Start = TimeProvider.System.GetUtcNow().AddDays(-130).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string Period = $"from={Start}&to={Today}";
    private HttpClient _office = null!;

    protected override Dictionary<string, string?> Settings => new() { ["Seed:DemoHistory"] = History.ToString(CultureInfo.InvariantCulture) };

    [OneTimeSetUp]
    public async Task SignIn() => _office = await Api.AsAsync("dinkes1");

    [OneTimeTearDown]
    public void SignOut() => _office?.Dispose();

    private Task<JsonElement> CoverageAsync(string extra = "") => _office.GetAsync($"/api/planning/coverage?{Period}{extra}").ContinueWith(t => ApiClient.OkJsonAsync(t.Result)).Unwrap();

    [Test]
    public async Task Coverage_places_every_closed_incident_and_agrees_with_its_kelurahan()
    {
        var c = await CoverageAsync();
        var kelurahan = c.GetProperty("kelurahan").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(c.GetProperty("basis").GetString(), Is.EqualTo("straightLine"));
            Assert.That(c.GetProperty("targetSeconds").GetDouble(), Is.EqualTo(600));
            Assert.That(c.GetProperty("demand").GetInt64(), Is.EqualTo(History));
            Assert.That(c.GetProperty("skipped").GetProperty("noLocation").GetInt64(), Is.Zero);
            Assert.That(c.GetProperty("units").GetArrayLength(), Is.EqualTo(6));
            Assert.That(c.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("busyFraction").GetDouble()), Is.All.InRange(0.01, 0.99));
            Assert.That(c.GetProperty("stations").EnumerateArray().Sum(s => s.GetProperty("units").GetInt32()), Is.EqualTo(6));
            Assert.That(kelurahan.Sum(k => k.GetProperty("incidents").GetInt64()), Is.EqualTo(History));
            var weighted = kelurahan.Sum(k => k.GetProperty("incidents").GetInt64() * k.GetProperty("expectedCoverage").GetDouble()) / History;
            Assert.That(c.GetProperty("expectedCoverage").GetDouble(), Is.EqualTo(weighted).Within(1e-3));
            Assert.That(c.GetProperty("expectedLate").GetDouble(), Is.EqualTo(kelurahan.Sum(k => k.GetProperty("expectedUncovered").GetDouble())).Within(1e-2));
        });
    }

    [Test]
    public async Task With_every_station_in_reach_a_call_is_missed_only_when_every_unit_is_busy()
    {
        var c = await CoverageAsync("&targetMinutes=240");
        var allBusy = c.GetProperty("units").EnumerateArray().Aggregate(1.0, (m, u) => m * u.GetProperty("busyFraction").GetDouble());
        Assert.That(c.GetProperty("expectedCoverage").GetDouble(), Is.EqualTo(1 - allBusy).Within(1e-3));
    }

    [Test]
    public async Task With_no_time_to_travel_every_call_with_a_target_is_expected_late()
    {
        var c = await CoverageAsync("&targetMinutes=0.0001");
        var report = await ApiClient.OkJsonAsync(await _office.GetAsync($"/api/reports/response-times?{Period}"));
        var byTriage = report.GetProperty("volumes").GetProperty("incidentsByTriage");
        var targeted = byTriage.GetProperty("merah").GetInt64() + byTriage.GetProperty("kuning").GetInt64();
        Assert.That(c.GetProperty("expectedCoverage").GetDouble(), Is.Zero);
        Assert.That(c.GetProperty("expectedLate").GetDouble(), Is.EqualTo((double)targeted).Within(1e-6));
    }

    [Test]
    public async Task Placement_over_the_facilities_ranks_additions_and_moves()
    {
        var p = await ApiClient.OkJsonAsync(await _office.PostAsJsonAsync("/api/planning/placement", new { from = Start, to = Today }));
        var additions = p.GetProperty("additions").EnumerateArray().ToList();
        var baseline = p.GetProperty("baseline");
        Assert.Multiple(() =>
        {
            Assert.That(p.GetProperty("method").GetString(), Is.EqualTo("exact"));
            Assert.That(additions, Has.Count.EqualTo(5), "one addition per facility");
            Assert.That(additions[0].GetProperty("rank").GetInt32(), Is.EqualTo(1));
            Assert.That(additions.Select(a => a.GetProperty("expectedLate").GetDouble()), Is.Ordered);
            Assert.That(additions[0].GetProperty("expectedLate").GetDouble(), Is.LessThanOrEqualTo(baseline.GetProperty("expectedLate").GetDouble()));
            Assert.That(additions.Select(a => a.GetProperty("gain").GetDouble()), Is.All.GreaterThanOrEqualTo(0));
            Assert.That(additions[0].GetProperty("sites")[0].GetProperty("facilityId").GetInt64(), Is.Positive);
            Assert.That(p.GetProperty("moves").GetArrayLength(), Is.InRange(1, 10));
        });
    }

    [Test]
    public async Task Placement_takes_clicked_points_and_adds_several_units()
    {
        var candidates = new object[] { new { lat = -0.79, lon = 100.65, name = "Titik A" }, new { lat = -0.80, lon = 100.63 }, new { lat = -0.77, lon = 100.66 } };
        var p = await ApiClient.OkJsonAsync(await _office.PostAsJsonAsync("/api/planning/placement", new { from = Start, to = Today, candidates, add = 2 }));
        var first = p.GetProperty("additions")[0];
        Assert.That(p.GetProperty("additions").GetArrayLength(), Is.EqualTo(3), "C(3, 2) pairs");
        Assert.That(first.GetProperty("sites").GetArrayLength(), Is.EqualTo(2));
        Assert.That(p.GetProperty("additions").EnumerateArray().SelectMany(a => a.GetProperty("sites").EnumerateArray())
            .Select(s => s.GetProperty("name").GetString()), Does.Contain("Titik A"));
    }

    private static readonly object[] BadPlacements =
    [
        new object[] { new { from = "2025-01-01", to = "2025-01-31", add = 0 }, "add" },
        new object[] { new { from = "2025-01-01", to = "2025-01-31", add = 6 }, "add" },
        new object[] { new { to = "2025-01-31" }, "from" },
        new object[] { new { from = "2025-01-01", to = "2025-01-31", candidates = new object[] { new { lat = 0, lon = 0 }, new { lat = 95, lon = 100 } } }, "candidates[1].lat" },
        new object[] { new { from = "2025-01-01", to = "2025-01-31", candidates = new object[] { new { lat = 0 } } }, "candidates[0].lon" },
        new object[] { new { from = "2025-01-01", to = "2025-01-31", candidates = new object[] { new { facilityId = 999999 } } }, "candidates[0].facilityId" },
        new object[] { new { from = "2025-01-01", to = "2025-01-31", candidates = new object[] { new { facilityId = 1, lat = 0, lon = 0 } } }, "candidates[0]" },
        new object[] { new { from = "2025-01-01", to = "2025-01-31", candidates = Enumerable.Range(0, 201).Select(_ => new { lat = 0, lon = 0 }).ToArray() }, "candidates" },
    ];

    [TestCaseSource(nameof(BadPlacements))]
    public async Task A_bad_placement_request_is_a_400_naming_the_field(object body, string field)
    {
        var response = await _office.PostAsJsonAsync("/api/planning/placement", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(field));
    }

    [TestCase("from=2025-01-01", "to")]
    [TestCase("from=2025-01-01&to=2025-01-31&targetMinutes=abc", "targetMinutes")]
    [TestCase("from=2025-01-01&to=2025-01-31&targetMinutes=0", "targetMinutes")]
    public async Task A_bad_coverage_query_is_a_400_naming_the_field(string query, string field)
    {
        var response = await _office.GetAsync($"/api/planning/coverage?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Operators_may_not_plan()
    {
        using var op = await Api.AsAsync("operator1");
        Assert.That((await op.GetAsync($"/api/planning/coverage?{Period}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await op.PostAsJsonAsync("/api/planning/placement", new { from = Start, to = Today })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
