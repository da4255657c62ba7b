using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Database;
using Dispatch.Api.Incidents;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Incidents;

/// <summary>
/// GET /api/incidents/search: a caller rings back and the operator finds the incident by number,
/// words or day. Each test uses its own numbers and words, so the tests share one app.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class IncidentSearchTests(string database) : ApiTest(database)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private HttpClient _op = null!;
    private int _calls;

    [OneTimeSetUp]
    public async Task SignIn() => _op = await Api.AsAsync("operator1");

    [OneTimeTearDown]
    public void SignOut() => _op?.Dispose();

    [Test]
    public async Task A_number_is_found_in_another_format_than_it_was_ingested_in()
    {
        var id = await OpenAsync("+6281270001111", complaint: "sesak napas");
        await OpenAsync("+6281270001112", complaint: "sesak napas"); // one digit apart: not found

        foreach (var typed in new[] { "081270001111", "0812-7000-1111", "+62 812 7000 1111", "6281270001111" })
        {
            var found = await SearchAsync($"phone={Uri.EscapeDataString(typed)}");
            Assert.That(Ids(found), Is.EqualTo(new[] { id }), typed);
            var item = found.GetProperty("items")[0];
            Assert.That(item.GetProperty("callerNumbers").EnumerateArray().Select(n => n.GetString()), Is.EqualTo(new[] { "+6281270001111" }));
            Assert.That(item.GetProperty("complaint").GetString(), Is.EqualTo("sesak napas"));
            Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("pending"));
            Assert.That(item.GetProperty("triage").GetString(), Is.EqualTo("merah"));
        }
    }

    [Test]
    public async Task A_second_caller_attached_to_the_incident_finds_it_too()
    {
        var id = await OpenAsync("081270002221", complaint: "kecelakaan motor");
        await AttachAsync("081270002222", id);

        var found = await SearchAsync("phone=%2B62%20812-7000-2222");
        Assert.That(Ids(found), Is.EqualTo(new[] { id }));
        Assert.That(found.GetProperty("items")[0].GetProperty("callerNumbers").EnumerateArray().Select(n => n.GetString()),
            Is.EquivalentTo(new[] { "+6281270002221", "+6281270002222" }), "every number that called about it");
        Assert.That(Ids(await SearchAsync("phone=081270002221")), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task Every_word_must_appear_in_the_address_or_the_complaint_whatever_the_case()
    {
        var both = await OpenAsync("081270003331", address: "Jl. Kenanga Lestari 7", complaint: "Pingsan di pasar");
        await OpenAsync("081270003332", address: "Jl. Kenanga Lestari 9", complaint: "demam tinggi");

        Assert.That(Ids(await SearchAsync("q=KENANGA%20pingsan")), Is.EqualTo(new[] { both }), "one word from each field");
        Assert.That(Ids(await SearchAsync("q=lestari")), Has.Length.EqualTo(2));
        Assert.That(Ids(await SearchAsync("q=lestari%20tidakada")), Is.Empty, "every word must match");
        Assert.That(Ids(await SearchAsync("q=lestari&phone=081270003332")), Has.Length.EqualTo(1), "words and number together");
    }

    [Test]
    public async Task Wildcards_typed_by_the_operator_are_taken_literally()
    {
        var percent = await OpenAsync("081270004441", complaint: "dosis 100% wildtest");
        await OpenAsync("081270004442", complaint: "tanpa persen wildtest abc");
        var bracket = await OpenAsync("081270004443", complaint: "kode [b]racket wildtest");

        Assert.That(Ids(await SearchAsync("q=%25%20wildtest")), Is.EqualTo(new[] { percent }), "% must not match everything");
        Assert.That(Ids(await SearchAsync("q=%25")), Is.EqualTo(new[] { percent }));
        Assert.That(Ids(await SearchAsync("q=a_c%20wildtest")), Is.Empty, "_ must not match one character");
        Assert.That(Ids(await SearchAsync("q=%5Bb%5D%20wildtest")), Is.EqualTo(new[] { bracket }), "[ is no character class");
        Assert.That(Ids(await SearchAsync("q=%5Ba%5D%20wildtest")), Is.Empty);
        Assert.That(Ids(await SearchAsync("q=%5C%20wildtest")), Is.Empty, "a backslash is a character too");
    }

    [Test]
    public async Task Days_are_WIB_days_inclusive_and_instants_are_exact()
    {
        // 23:30 WIB on 10 February is 16:30 UTC: still the 10th for a Solok operator.
        var late = await OpenAsync("081270005551", complaint: "hari batas", receivedAt: new DateTimeOffset(2024, 2, 10, 23, 30, 0, Wib));
        var next = await OpenAsync("081270005552", complaint: "hari batas", receivedAt: new DateTimeOffset(2024, 2, 11, 0, 10, 0, Wib));
        var before = await OpenAsync("081270005553", complaint: "hari batas", receivedAt: new DateTimeOffset(2024, 2, 9, 23, 59, 0, Wib));

        Assert.That(Ids(await SearchAsync("from=2024-02-10&to=2024-02-10")), Is.EqualTo(new[] { late }));
        Assert.That(Ids(await SearchAsync("from=2024-02-11&to=2024-02-11")), Is.EqualTo(new[] { next }));
        Assert.That(Ids(await SearchAsync("from=2024-02-09&to=2024-02-11&q=batas")), Is.EqualTo(new[] { next, late, before }), "newest first");
        Assert.That(Ids(await SearchAsync("to=2024-02-09&q=batas")), Is.EqualTo(new[] { before }), "only an end");
        Assert.That(Ids(await SearchAsync("from=2024-02-10T16:00:00Z&to=2024-02-10T17:00:00Z")), Is.EqualTo(new[] { late }), "instants in UTC");
        Assert.That(Ids(await SearchAsync($"from={Uri.EscapeDataString("2024-02-11T00:10:00+07:00")}&q=batas")), Is.EqualTo(new[] { next }));
    }

    [Test]
    public async Task Results_come_twenty_a_page_newest_first()
    {
        var start = new DateTimeOffset(2023, 5, 1, 8, 0, 0, Wib);
        var ids = new List<long>();
        for (var i = 0; i < 23; i++)
            ids.Add(await OpenAsync($"0812700066{i:00}", complaint: "halaman ujicoba", receivedAt: start.AddMinutes(i)));
        ids.Reverse(); // newest first

        var first = await SearchAsync("q=ujicoba");
        var second = await SearchAsync("q=ujicoba&page=2");
        var third = await SearchAsync("q=ujicoba&page=3");
        Assert.Multiple(() =>
        {
            Assert.That(Ids(first), Is.EqualTo(ids.Take(20)));
            Assert.That(first.GetProperty("pageSize").GetInt32(), Is.EqualTo(20));
            Assert.That(first.GetProperty("page").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("hasMore").GetBoolean(), Is.True);
            Assert.That(Ids(second), Is.EqualTo(ids.Skip(20)));
            Assert.That(second.GetProperty("hasMore").GetBoolean(), Is.False);
            Assert.That(Ids(third), Is.Empty);
        });
    }

    [TestCase("", "phone")]
    [TestCase("phone=&q=%20", "phone")]
    [TestCase("phone=anonymous", "phone")]
    [TestCase("from=2024-13-01", "from")]
    [TestCase("to=kemarin", "to")]
    [TestCase("from=2024-02-11&to=2024-02-10", "to")]
    [TestCase("q=satu&page=0", "page")]
    [TestCase("q=satu&page=abc", "page")]
    [TestCase("q=satu&page=501", "page")]
    [TestCase("q=satu%20dua%20tiga%20empat%20lima%20enam", "q")]
    public async Task A_bad_query_is_a_400_naming_the_field(string query, string field)
    {
        var response = await _op.GetAsync($"/api/incidents/search?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, body);
    }

    [Test]
    public async Task A_crew_may_not_search()
    {
        using var crew = await Api.AsAsync("crew1");
        Assert.That((await crew.GetAsync("/api/incidents/search?phone=081270001111")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void On_SQLite_a_number_is_looked_up_through_its_index_not_by_scanning()
    {
        if (Database != TestApp.Sqlite) Assert.Ignore("the plan checked here is SQLite's");
        using var connection = App.OpenSqlite();
        foreach (var range in new[] { false, true })
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + IncidentSearch.Statement(phone: true, range, words: 1).For(Sqlite.Instance);
            foreach (var name in new[] { "@Phone", "@From", "@To", "@Word0", "@Skip", "@Take" })
                explain.Parameters.AddWithValue(name, name == "@Phone" ? "+6281270001111" : 0);
            using var reader = explain.ExecuteReader();
            var plan = new List<string>();
            while (reader.Read()) plan.Add(reader.GetString(3));
            var text = string.Join("\n", plan);
            TestContext.Out.WriteLine($"range {range}:\n{text}");
            Assert.That(text, Does.Contain("ix_calls_caller_number"), text);
            Assert.That(plan, Has.None.Match(@"^SCAN (i|incidents)\b"), text);
        }
    }

    private async Task<JsonElement> SearchAsync(string query) =>
        await ApiClient.OkJsonAsync(await _op.GetAsync($"/api/incidents/search?{query}"));

    private static long[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    private async Task<long> AnsweredCallAsync(string number, DateTimeOffset? receivedAt)
    {
        var call = await Api.IngestAsync($"search-{Database}-{Interlocked.Increment(ref _calls)}-{Guid.NewGuid():n}", number, receivedAt: receivedAt);
        var callId = call.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await _op.PostAsync($"/api/calls/{callId}/answer", null));
        return callId;
    }

    private async Task<long> OpenAsync(string number, string? address = null, string? complaint = null, DateTimeOffset? receivedAt = null)
    {
        var callId = await AnsweredCallAsync(number, receivedAt);
        var incident = await ApiClient.OkJsonAsync(await _op.PostAsJsonAsync($"/api/calls/{callId}/incident",
            new { lat = -0.79, lon = 100.65, address, complaint, triage = "merah" }));
        return incident.GetProperty("id").GetInt64();
    }

    private async Task AttachAsync(string number, long incidentId)
    {
        var callId = await AnsweredCallAsync(number, null);
        await ApiClient.OkJsonAsync(await _op.PostAsJsonAsync($"/api/calls/{callId}/attach", new { incidentId }));
    }
}
