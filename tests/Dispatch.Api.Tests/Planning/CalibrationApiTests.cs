using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Api.Tests.Routing;
using Dispatch.Core.Geography;

namespace Dispatch.Api.Tests.Planning;

/// <summary>
/// A generated history in June 2025 where every trip of AMB-01 (from its home station, one a day so
/// its start is trusted) took exactly 1.25 times the predicted travel time: the fit finds speeds x 0.8.
/// </summary>
public abstract class CalibrationTest(bool withRoads, string database) : ApiTest(database)
{
    private const string Period = "from=2025-06-01&to=2025-06-30";
    private readonly string _roadFile = SolokRoads.WriteFile();
    protected static readonly GeoPoint[] Scenes = Enumerable.Range(0, 12).Select(i => SolokRoads.At(2 + (i * 2), 10 + (i * 3))).ToArray();
    protected HttpClient Office { get; private set; } = null!;
    protected GeoPoint Station { get; private set; }
    protected double[] Predicted { get; private set; } = [];

    protected override Dictionary<string, string?> Settings => withRoads
        ? new() { ["Roads:Path"] = _roadFile, ["Planning:CalibrationCheckSeconds"] = "3600" }
        : new() { ["Planning:CalibrationCheckSeconds"] = "3600" };

    [OneTimeSetUp]
    public async Task ImportTrips()
    {
        Office = await Api.AsAsync("admin");
        var facilities = await ApiClient.OkJsonAsync(await Office.GetAsync("/api/facilities"));
        var post = facilities.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Pos PSC 119 (contoh)");
        Station = new GeoPoint(post.GetProperty("lat").GetDouble(), post.GetProperty("lon").GetDouble());
        Predicted = await Task.WhenAll(Scenes.Select(PredictAsync));
        var csv = new StringBuilder("No,Telepon,Dikirim,Berangkat,Tiba,Kembali,Triase,Lat,Lon,Ambulans\n");
        for (var i = 0; i < Scenes.Length; i++)
        {
            var call = new DateTime(2025, 6, 2 + i, 8, 0, 0, DateTimeKind.Unspecified);
            var enRoute = call.AddSeconds(120);
            var onScene = enRoute.AddSeconds(Math.Round(1.25 * Predicted[i]));
            string T(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"K{i},{T(call)},{T(call.AddSeconds(60))},{T(enRoute)},{T(onScene)},{T(onScene.AddMinutes(40))},merah,{Scenes[i].Lat},{Scenes[i].Lon},AMB-01 (contoh)\n");
        }
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "trips.csv");
        form.Add(new StringContent("""
            { "columns": { "No": "externalId", "Telepon": "callReceived", "Dikirim": "unitNotified", "Berangkat": "enRoute", "Tiba": "onScene",
              "Kembali": "backInService", "Triase": "triage", "Lat": "lat", "Lon": "lon", "Ambulans": "unit" },
              "timeFormat": "yyyy-MM-dd HH:mm:ss", "timeZone": "Asia/Jakarta" }
            """), "mapping");
        var imported = await ApiClient.OkJsonAsync(await Office.PostAsync("/api/imports/incidents", form));
        Assert.That(imported.GetProperty("imported").GetInt32(), Is.EqualTo(Scenes.Length));
    }

    [OneTimeTearDown]
    public void Close()
    {
        Office?.Dispose();
        File.Delete(_roadFile);
    }

    /// <summary>The travel seconds the configured speeds give from the station to a scene.</summary>
    protected abstract Task<double> PredictAsync(GeoPoint scene);

    protected Task<JsonElement> FitAsync() => Office.GetAsync($"/api/planning/calibration?{Period}").ContinueWith(t => ApiClient.OkJsonAsync(t.Result)).Unwrap();

    protected static double Factor(JsonElement view) => view.GetProperty("factors").GetProperty("all").GetDouble();

    [Test]
    public async Task Trips_a_quarter_slower_than_predicted_fit_speeds_of_0_8()
    {
        var fit = await FitAsync();
        Assert.Multiple(() =>
        {
            Assert.That(fit.GetProperty("basis").GetString(), Is.EqualTo(withRoads ? "road" : "straightLine"));
            Assert.That(fit.GetProperty("observations").GetInt32(), Is.EqualTo(Scenes.Length));
            Assert.That(fit.GetProperty("used").GetInt32(), Is.EqualTo(Scenes.Length));
            Assert.That(Factor(fit), Is.EqualTo(0.8).Within(0.003));
            Assert.That(fit.GetProperty("fit").GetProperty("r2").GetDouble(), Is.GreaterThan(0.999));
            Assert.That(fit.GetProperty("fit").GetProperty("medianRatio").GetDouble(), Is.EqualTo(1.25).Within(0.005));
            Assert.That(fit.GetProperty("points").GetArrayLength(), Is.EqualTo(Scenes.Length));
        });
    }

    [Test]
    public async Task Too_few_trips_cannot_be_accepted()
    {
        var response = await Office.PostAsJsonAsync("/api/planning/calibration", new { from = "2020-01-01", to = "2020-01-31" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString(), Is.EqualTo("calibration-too-few"));
    }
}

/// <summary>With the road network: once accepted, the routing ETA is the calibrated one; dropping it restores the configured one.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class RoadCalibrationApiTests(string database) : CalibrationTest(withRoads: true, database)
{
    protected override async Task<double> PredictAsync(GeoPoint scene) =>
        (await ApiClient.OkJsonAsync(await Office.GetAsync(FormattableString.Invariant($"/api/routing/eta?from={Station.Lat},{Station.Lon}&to={scene.Lat},{scene.Lon}"))))
        .GetProperty("seconds").GetDouble();

    [Test]
    public async Task An_accepted_calibration_changes_the_route_eta_until_it_is_dropped()
    {
        var accepted = await ApiClient.OkJsonAsync(await Office.PostAsJsonAsync("/api/planning/calibration", new { from = "2025-06-01", to = "2025-06-30" }));
        Assert.That(accepted.GetProperty("current").GetProperty("factors").GetProperty("all").GetDouble(), Is.EqualTo(0.8).Within(0.003));
        var calibrated = await PredictAsync(Scenes[0]);
        var refit = await FitAsync(); // relative to the configured speeds, whatever is in force
        Assert.That((await Office.DeleteAsync("/api/planning/calibration")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var restored = await PredictAsync(Scenes[0]);
        Assert.Multiple(() =>
        {
            Assert.That(calibrated, Is.EqualTo(Predicted[0] / Factor(accepted)).Within(0.2).Percent);
            Assert.That(Factor(refit), Is.EqualTo(0.8).Within(0.003));
            Assert.That(restored, Is.EqualTo(Predicted[0]).Within(0.5));
        });
    }
}

/// <summary>Without a road file the straight-line speed (Recommendation:SpeedKmh 40, detour 1.4) is calibrated the same way.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class StraightLineCalibrationApiTests(string database) : CalibrationTest(withRoads: false, database)
{
    protected override Task<double> PredictAsync(GeoPoint scene) => Task.FromResult(GreatCircle.Meters(Station, scene) * 1.4 / (40 / 3.6));

    [Test]
    public async Task An_accepted_straight_line_calibration_is_in_force_until_dropped()
    {
        var accepted = await ApiClient.OkJsonAsync(await Office.PostAsJsonAsync("/api/planning/calibration", new { from = "2025-06-01", to = "2025-06-30" }));
        // In force: the predictions now use 40 x 0.8 km/h, so the trips match them and the factor,
        // relative to the configured speed, stays 0.8 (not 0.64).
        var refit = await FitAsync();
        await Office.DeleteAsync("/api/planning/calibration");
        var dropped = await FitAsync();
        Assert.Multiple(() =>
        {
            Assert.That(accepted.GetProperty("current").GetProperty("basis").GetString(), Is.EqualTo("straightLine"));
            Assert.That(refit.GetProperty("points")[0].GetProperty("predicted").GetDouble(), Is.EqualTo(Predicted[0] / Factor(accepted)).Within(0.5));
            Assert.That(Factor(refit), Is.EqualTo(0.8).Within(0.003));
            Assert.That(dropped.GetProperty("current").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(dropped.GetProperty("points")[0].GetProperty("predicted").GetDouble(), Is.EqualTo(Predicted[0]).Within(0.5));
        });
    }
}
