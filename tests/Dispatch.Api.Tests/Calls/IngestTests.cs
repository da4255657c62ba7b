using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Calls;

/// <summary>The telephony ingest contract: POST /api/calls with X-Api-Key.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class IngestTests(string database) : ApiTest(database)
{
    private static string NewId() => $"pbx-{Guid.NewGuid():n}";

    private (long Calls, long Log, long Events) Counts()
    {
        using var db = App.OpenDatabase();
        return (db.ExecuteScalar<long>("SELECT COUNT(*) FROM calls"), db.ExecuteScalar<long>("SELECT COUNT(*) FROM incident_log"), db.ExecuteScalar<long>("SELECT COUNT(*) FROM events"));
    }

    [Test]
    public async Task A_new_call_is_stored_normalised_and_pushed_to_operators()
    {
        await using var op = await Api.ListenAsync("operator1");
        var externalId = NewId();
        using var client = Api.Telephony();
        var response = await client.PostAsJsonAsync("/api/calls", new
        {
            externalId,
            callerNumber = "0812-3456-7890",
            receivedAt = "2026-11-20T14:05:00+07:00",
            source = "ncc",
            location = new { lat = -0.7801, lon = 100.6402, accuracyMeters = 35 },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var call = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = call.GetProperty("id").GetInt64();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/calls/{id}"));
        Assert.That(call.GetProperty("callerNumber").GetString(), Is.EqualTo("+6281234567890"));
        Assert.That(call.GetProperty("source").GetString(), Is.EqualTo("ncc"));
        Assert.That(call.GetProperty("receivedAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.Parse("2026-11-20T07:05:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(call.GetProperty("location").GetProperty("accuracyMeters").GetDouble(), Is.EqualTo(35));
        Assert.That(call.GetProperty("flags").GetArrayLength(), Is.Zero);

        var pushed = await op.WaitForAsync(e => e.Type == "CallReceived" && e.Str("externalId") == externalId);
        Assert.That(pushed.Long("id"), Is.EqualTo(id));
        Assert.That(pushed.Seq, Is.GreaterThan(0));
    }

    [Test]
    public async Task The_same_externalId_twice_gives_one_record_and_one_push()
    {
        await using var op = await Api.ListenAsync("operator2");
        var externalId = NewId();
        var first = await Api.IngestAsync(externalId);
        using var client = Api.Telephony();
        var again = await client.PostAsJsonAsync("/api/calls", new { externalId, callerNumber = "0811", receivedAt = "2026-11-20T14:05:00+07:00" });

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(second.GetProperty("id").GetInt64(), Is.EqualTo(first.GetProperty("id").GetInt64()));
        await op.WaitForAsync(e => e.Type == "CallReceived" && e.Str("externalId") == externalId);
        // A later call proves the hub had time to deliver any duplicate push.
        var marker = NewId();
        await Api.IngestAsync(marker);
        await op.WaitForAsync(e => e.Str("externalId") == marker);
        Assert.That(op.Received.Count(e => e.Str("externalId") == externalId), Is.EqualTo(1));
        using var db = App.OpenDatabase();
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM calls WHERE external_id = @externalId", new { externalId }), Is.EqualTo(1));
    }

    [Test]
    public async Task Parallel_deliveries_of_one_call_store_it_once()
    {
        var externalId = NewId();
        using var client = Api.Telephony();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/calls", new { externalId, receivedAt = "2026-11-20T14:05:00+07:00" })));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(7));
        using var db = App.OpenDatabase();
        Assert.That(db.ExecuteScalar<long>("SELECT COUNT(*) FROM calls WHERE external_id = @externalId", new { externalId }), Is.EqualTo(1));
    }

    [TestCase(null, "numberWithheld")]
    [TestCase("anonymous", "numberWithheld")]
    [TestCase("not-a-number", "numberUnparseable")]
    [TestCase("'; DROP TABLE calls; --", "numberUnparseable")]
    public async Task A_defective_number_is_kept_as_given_and_flagged(string? number, string flag)
    {
        var call = await Api.IngestAsync(NewId(), callerNumber: number);
        Assert.That(call.GetProperty("flags").EnumerateArray().Select(f => f.GetString()), Does.Contain(flag));
        var stored = call.GetProperty("callerNumber");
        Assert.That(stored.ValueKind == JsonValueKind.Null ? null : stored.GetString(), Is.EqualTo(number == "anonymous" ? "anonymous" : number));
    }

    [TestCase(-95, 100.6)]
    [TestCase(-0.8, 181)]
    public async Task An_impossible_location_is_dropped_and_flagged_but_the_call_is_kept(double lat, double lon)
    {
        var call = await Api.IngestAsync(NewId(), lat: lat, lon: lon);
        Assert.That(call.GetProperty("location").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(call.GetProperty("flags").EnumerateArray().Select(f => f.GetString()), Does.Contain("locationOutOfRange"));
    }

    [Test]
    public async Task A_location_of_the_wrong_shape_or_an_unknown_source_is_flagged_not_rejected()
    {
        using var client = Api.Telephony();
        var response = await client.PostAsync("/api/calls", ApiClient.RawJson(
            "{\"externalId\":\"" + NewId() + "\",\"receivedAt\":\"2026-11-20T14:05:00\",\"source\":\"pigeon\",\"location\":{\"lat\":\"minus one\",\"lon\":100.6}}"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var call = await response.Content.ReadFromJsonAsync<JsonElement>();
        var flags = call.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.That(flags, Is.SupersetOf(new[] { "locationInvalid", "sourceUnknown", "receivedAtAssumedWib" }));
        Assert.That(call.GetProperty("source").GetString(), Is.EqualTo("line119"));
        Assert.That(call.GetProperty("receivedAt").GetDateTimeOffset().Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(call.GetProperty("receivedAt").GetDateTimeOffset().Hour, Is.EqualTo(7), "14:05 WIB is 07:05 UTC");
    }

    [TestCase("{", "$")]
    [TestCase("not json", "$")]
    [TestCase("""{"receivedAt":"2026-11-20T14:05:00+07:00"}""", "externalId")]
    [TestCase("""{"externalId":"   ","receivedAt":"2026-11-20T14:05:00+07:00"}""", "externalId")]
    [TestCase("""{"externalId":"x-1"}""", "receivedAt")]
    [TestCase("""{"externalId":"x-2","receivedAt":"yesterday"}""", "receivedAt")]
    [TestCase("""{"externalId":"x-3","receivedAt":12345}""", "receivedAt")]
    [TestCase("""{"externalId":42,"receivedAt":"2026-11-20T14:05:00+07:00"}""", "externalId")]
    [TestCase("""[1,2,3]""", "$")]
    public async Task Bad_input_is_a_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        var before = Counts();
        using var client = Api.Telephony();
        var response = await client.PostAsync("/api/calls", ApiClient.RawJson(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(Counts(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_oversized_body_is_413_and_stores_nothing()
    {
        var before = Counts();
        using var client = Api.Telephony();
        var huge = new string('x', 100_000);
        var response = await client.PostAsync("/api/calls", ApiClient.RawJson($$"""{"externalId":"{{huge}}","receivedAt":"2026-11-20T14:05:00+07:00"}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(Counts(), Is.EqualTo(before));
    }

    [TestCase(null)]
    [TestCase("wrong-key")]
    public async Task Without_the_right_key_ingest_is_401(string? key)
    {
        var before = Counts();
        using var client = Api.Telephony(key);
        var response = await client.PostAsJsonAsync("/api/calls", new { externalId = NewId(), receivedAt = "2026-11-20T14:05:00+07:00" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Counts(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_operator_login_is_not_a_telephony_key()
    {
        using var op = await Api.AsAsync("operator1");
        var response = await op.PostAsJsonAsync("/api/calls", new { externalId = NewId(), receivedAt = "2026-11-20T14:05:00+07:00" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
