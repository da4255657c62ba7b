using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security.Hostile;

/// <summary>
/// More than 10,000 malformed or hostile requests (fixed seed) at the ingest, login and operator
/// endpoints: never a 5xx, no partial rows (every stored call has its log entry and its event,
/// stored exactly once per acknowledged externalId), the app stays up and logs no unhandled error.
/// On PostgreSQL too, which refuses what SQLite stores (a NUL in text, a value longer than its column).
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class HostileInputTests(string database) : ApiTest(database)
{
    private const int Requests = 10_500;

    private static readonly Dictionary<string, string> CallTemplate = new()
    {
        ["externalId"] = "\"{id}\"", ["callerNumber"] = "\"081234567890\"", ["receivedAt"] = "\"2026-11-20T14:05:00+07:00\"",
        ["source"] = "\"ncc\"", ["location"] = "{\"lat\":-0.79,\"lon\":100.65,\"accuracyMeters\":20}", ["callerName"] = "\"Budi\"",
    };

    private static readonly Dictionary<string, string> IncidentTemplate = new()
    {
        ["lat"] = "-0.79", ["lon"] = "100.65", ["triage"] = "\"merah\"", ["address"] = "\"Jl. Contoh 1\"", ["complaint"] = "\"sesak\"",
        ["category"] = "\"NonTrauma\"", ["patientCount"] = "1", ["unitId"] = "1", ["outcome"] = "\"Prank\"", ["incidentId"] = "1",
        ["status"] = "\"enRoute\"", ["username"] = "\"operator1\"", ["password"] = "\"x\"",
    };

    [Test]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_and_leave_no_partial_rows()
    {
        var operatorToken = await Api.TokenAsync("operator1");
        var callId = (await Api.IngestAsync("hostile-seed-call")).GetProperty("id").GetInt64();
        var random = new Random(20261123);
        var plan = Enumerable.Range(0, Requests).Select(i => Build(random, i, callId)).ToList();

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var acknowledged = new ConcurrentDictionary<string, byte>();
        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
        {
            using var message = request.ToMessage(operatorToken);
            using var response = await http.SendAsync(message, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {request}");
            if (request.Path == "/api/calls" && response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                // The id as the app understood it: a hostile value may have replaced the planned one.
                var stored = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                acknowledged.TryAdd(stored.GetProperty("externalId").GetString()!, 0);
            }
        });

        TestContext.Out.WriteLine("answers: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        Assert.That(failures, Is.Empty, $"{failures.Count} answers were 5xx, e.g. {failures.FirstOrDefault()}; the app logged: " +
            string.Join(" | ", App.Logs.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Select(l => l[..Math.Min(l.Length, 400)]).Distinct().Take(3)));
        Assert.That((await http.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app is still up");
        Assert.That(acknowledged, Is.Not.Empty, "some hostile but acceptable calls were kept (flagged, never rejected)");

        using var db = App.OpenDatabase();
        var stored = db.Query<string>("SELECT external_id FROM calls WHERE external_id <> 'hostile-seed-call'").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.Unique, "each externalId once");
            Assert.That(stored, Is.EquivalentTo(acknowledged.Keys), "stored exactly the acknowledged calls");
            Assert.That(CallRows.WithoutLogEntry(db),
                Is.Zero, "every call has its log entry");
            Assert.That(CallRows.WithoutEvent(db),
                Is.Zero, "every call has its event");
            Assert.That(App.Logs.Where(l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase)), Is.Empty);
        });
    }

    private static HostileRequest Build(Random random, int i, long callId)
    {
        var externalId = $"hostile-{i}";
        var roll = random.NextDouble();
        string? auth = random.NextDouble() < 0.1 ? HostileValues.Pick(random, HostileValues.BadTokens) : null;
        if (roll < 0.45)
        {
            var key = random.NextDouble() < 0.08 ? HostileValues.Pick(random, ["", "wrong", new string('k', 5000), "test-telephony-key%00", "test-telephony-key "]) : TestApp.TelephonyKey;
            return new("POST", "/api/calls", Body(random, CallTemplate, externalId), auth, key);
        }
        if (roll < 0.6)
            return new("POST", "/api/auth/login", Body(random, IncidentTemplate, externalId), auth, null);
        string[] ids = [callId.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "-1", "999999999", "9223372036854775807", "99999999999999999999", "abc", "1%27%20OR%201=1", "%00"];
        var id = HostileValues.Pick(random, ids);
        (string Method, string Path)[] targets =
        [
            ("POST", $"/api/calls/{id}/incident"), ("POST", $"/api/calls/{id}/attach"), ("POST", $"/api/calls/{id}/close"), ("POST", $"/api/calls/{id}/answer"),
            ("POST", $"/api/incidents/{id}/assign"), ("POST", $"/api/incidents/{id}/cancel"), ("GET", $"/api/calls/{id}"), ("GET", $"/api/incidents/{id}"),
            ("GET", $"/api/calls/{id}/duplicates"), ("GET", "/api/events?after=" + id), ("GET", "/api/incidents?status=" + id),
            ("GET", "/api/reports/response-times?from=" + id + "&to=2025-13-45"), ("GET", "/api/calls?limit=" + id),
        ];
        var (method, path) = targets[random.Next(targets.Length)];
        return new(method, path, method == "POST" ? Body(random, IncidentTemplate, externalId) : null, auth ?? "", null);
    }

    private static byte[] Body(Random random, Dictionary<string, string> template, string externalId)
    {
        var roll = random.NextDouble();
        if (roll < 0.15) return Encoding.UTF8.GetBytes(HostileValues.Pick(random, HostileValues.BrokenBodies));
        if (roll < 0.18) return HostileValues.InvalidUtf8();
        return Encoding.UTF8.GetBytes(HostileValues.Mutate(random, template).Replace("{id}", externalId, StringComparison.Ordinal));
    }

    /// <summary>One request of the plan. An empty <see cref="Auth"/> means "the operator's real token".</summary>
    private sealed record HostileRequest(string Method, string Path, byte[]? Body, string? Auth, string? ApiKey)
    {
        public HttpRequestMessage ToMessage(string operatorToken)
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            if (Auth == "") message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
            else if (Auth is not null) message.Headers.TryAddWithoutValidation("Authorization", Auth);
            if (ApiKey is not null) message.Headers.TryAddWithoutValidation("X-Api-Key", ApiKey);
            return message;
        }

        public override string ToString() => $"{Method} {Path} auth={Auth?[..Math.Min(Auth.Length, 20)]} body={(Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 120)))}";
    }
}
