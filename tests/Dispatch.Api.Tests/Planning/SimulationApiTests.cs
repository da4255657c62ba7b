using System.Net;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Planning;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Planning;

/// <summary>The simulations API: validation naming the field, roles, 202 then GET by id, the list, and a run interrupted by a restart.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class SimulationApiTests(string database) : ApiTest(database)
{
    /// <summary>No waiting: POST answers 202 at once, and GET shows the run end.</summary>
    protected override Dictionary<string, string?> Settings => new() { ["Planning:WaitSeconds"] = "0" };

    private static StringContent Body(string json) => ApiClient.RawJson(json);

    [TestCase("""{ "from": "2026-01-01" }""", "to")]
    [TestCase("""{ "from": "2026-02-01", "to": "2026-01-01" }""", "to")]
    [TestCase("""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "stations": [ { "id": 999999, "lat": -0.79, "lon": 100.65 } ] } }""", "scenario.stations[0].id")]
    [TestCase("""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "stations": [ { "key": "baru-1", "lat": -0.79 } ] } }""", "scenario.stations[0].lon")]
    [TestCase("""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "stations": [ { "key": "baru-1", "lat": -0.8, "lon": 100.66 } ], "units": [ { "callSign": "SIM-0", "type": "ALS", "homeStationKey": "baru-1" }, { "callSign": "SIM-1", "type": "BLS", "homeStationKey": "baru-2" } ] } }""", "scenario.units[1].homeStationKey")]
    [TestCase("""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "units": [ { "callSign": "SIM-1", "type": "helicopter", "homeStationId": 1 } ] } }""", "scenario.units[0].type")]
    [TestCase("""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "units": [ { "id": 1, "shifts": [ { "days": [7], "from": "07:00", "to": "19:00" } ] } ] } }""", "scenario.units[0].shifts[0].days")]
    [TestCase("""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "units": [ { "id": 1, "shifts": [ { "days": [1], "from": "7 pagi", "to": "19:00" } ] } ] } }""", "scenario.units[0].shifts[0].from")]
    [TestCase("""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "policy": { "travel": "helicopter" } } }""", "scenario.policy.travel")]
    public async Task An_invalid_request_is_a_400_naming_the_field(string json, string field)
    {
        using var office = await Api.AsAsync("dinkes1");
        using var response = await office.PostAsync("/api/planning/simulations", Body(json));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Does.Contain(field));
    }

    [Test]
    public async Task Removing_a_station_whose_units_have_no_other_home_is_a_400_naming_it()
    {
        using var office = await Api.AsAsync("dinkes1");
        var station = await StationOfUnitAsync();
        var refused = await office.PostAsync("/api/planning/simulations",
            Body($$"""{ "from": "2026-01-01", "to": "2026-01-31", "scenario": { "stations": [ { "id": {{station}}, "remove": true } ] } }"""));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Does.Contain("scenario.stations[0].remove"));
    }

    [TestCase("operator1")]
    [TestCase("crew1")]
    public async Task Dispatchers_and_crews_may_not_simulate(string user)
    {
        using var client = await Api.AsAsync(user);
        using var response = await client.PostAsync("/api/planning/simulations", Body("""{ "from": "2026-01-01", "to": "2026-01-31" }"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_run_answers_202_then_GET_shows_it_done_and_the_list_names_it()
    {
        using var office = await Api.AsAsync("dinkes1");
        var station = await StationOfUnitAsync();
        using var accepted = await office.PostAsync("/api/planning/simulations", Body($$"""
            { "from": "2026-01-01", "to": "2026-01-31", "name": "Pos baru",
              "scenario": { "stations": [ { "key": "baru-1", "name": "Pos Tanjung Harapan", "lat": -0.80, "lon": 100.66 } ],
                            "units": [ { "callSign": "SIM-1", "type": "BLS", "homeStationKey": "baru-1", "shifts": [ { "days": [1,2,3,4,5], "from": "19:00", "to": "07:00" } ] },
                                       { "callSign": "SIM-2", "type": "ALS", "homeStationId": {{station}} } ],
                            "policy": { "travel": "straightLine", "alsForMerah": true, "keepOnePerKecamatan": true } } }
            """));
        var job = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), job.ToString());
        var id = job.GetProperty("id").GetString()!;
        Assert.That(accepted.Headers.Location?.ToString(), Is.EqualTo($"/api/planning/simulations/{id}"));

        var done = await WaitDoneAsync(office, id);
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("done"), done.ToString());
        Assert.That(done.GetProperty("progress").GetDouble(), Is.EqualTo(1));
        Assert.That(done.GetProperty("basis").GetString(), Is.EqualTo("straightLine"));
        var units = done.GetProperty("scenario").GetProperty("units").EnumerateArray().Select(u => u.GetProperty("callSign").GetString()).ToList();
        Assert.That(units, Does.Contain("SIM-1").And.Contain("SIM-2"));
        Assert.That(done.GetProperty("baseline").GetProperty("units").GetArrayLength(), Is.EqualTo(units.Count - 2));
        Assert.That(done.GetProperty("scenario").GetProperty("byTriage").GetProperty("merah").GetProperty("targetSeconds").GetDouble(), Is.EqualTo(600));
        Assert.That(done.GetProperty("request").GetProperty("stations")[0].GetProperty("key").GetString(), Is.EqualTo("baru-1"));

        var list = await ApiClient.OkJsonAsync(await office.GetAsync("/api/planning/simulations"));
        var listed = list.EnumerateArray().First(r => r.GetProperty("id").GetString() == id);
        Assert.That((listed.GetProperty("name").GetString(), listed.GetProperty("from").GetString(), listed.GetProperty("createdBy").GetString()),
            Is.EqualTo(("Pos baru", "2026-01-01", "dinkes1")));
        Assert.That((await office.GetAsync($"/api/planning/simulations/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_OpenAPI_document_describes_the_request_and_the_result()
    {
        var document = (await ApiClient.OkJsonAsync(await Api.Anonymous().GetAsync("/openapi/v1.json"))).ToString();
        Assert.That(document, Does.Contain("/api/planning/simulations/{id}").And.Contain("\"SimulationJob\"").And.Contain("\"SimulationOutcome\"")
            .And.Contain("\"ScenarioRequest\"").And.Contain("\"TriageFigures\""));
    }

    [Test]
    public async Task A_run_interrupted_by_a_restart_is_marked_failed()
    {
        var id = Guid.NewGuid().ToString("D");
        using (var db = App.OpenDatabase())
            await db.ExecuteAsync("INSERT INTO planning_simulations (id, name, created_by, created_at, status, progress, runner, request) " +
                "VALUES (@Id, NULL, 'dinkes1', 0, 'running', 0.4, @Runner, @Request)",
                new { Id = id, Runner = SimulationQueue.Runner, Request = """{"from":"2026-01-01","to":"2026-01-31"}""" });
        using (new TestApp(new() { ["Database:ConnectionString"] = App.ConnectionString }, Database).Start()) { }

        using var office = await Api.AsAsync("dinkes1");
        var run = await ApiClient.OkJsonAsync(await office.GetAsync($"/api/planning/simulations/{id}"));
        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(run.GetProperty("error").GetString(), Does.Contain("restart"));
    }

    private async Task<long> StationOfUnitAsync()
    {
        using var db = App.OpenDatabase();
        return await db.ExecuteScalarAsync<long>("SELECT MIN(home_station_id) FROM units");
    }

    private static async Task<JsonElement> WaitDoneAsync(HttpClient client, string id)
    {
        for (var i = 0; i < 300; i++)
        {
            var run = await ApiClient.OkJsonAsync(await client.GetAsync($"/api/planning/simulations/{id}"));
            if (run.GetProperty("status").GetString() is "done" or "failed") return run;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Simulation {id} did not end in 30 s.");
    }
}
