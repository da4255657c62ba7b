using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Core.Common;

namespace Dispatch.Api.Tests.Security;

/// <summary>
/// Every text the system stores has one maximum (<see cref="TextLimits"/>) that the request
/// validation, the domain and the three schemas agree on. For each maximum a value of exactly that
/// length goes through the API and is stored whole on this database; one character more is a 400
/// naming the field, never a 500. Ingest never refuses a call over its texts: too long is kept in
/// part and flagged. A schema column narrower than the validation fails here.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
[TestFixture(TestApp.SqlServer)]
public sealed partial class TextLimitTests(string database) : ApiTest(database)
{
    private const string NewUserPassword = "Kx9-qTr2-mWv8-LpZ4";

    /// <summary>Every maximum in <see cref="TextLimits"/>, by name, read by reflection: a new one without a writer below fails.</summary>
    private static IEnumerable<TestCaseData> Limits() =>
        typeof(TextLimits).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f => new TestCaseData(f.Name, (int)f.GetRawConstantValue()!).SetArgDisplayNames(f.Name));

    /// <summary>A text of exactly <paramref name="length"/> UTF-16 units with letters outside ASCII (as Indonesian names and addresses have).</summary>
    private static string Text(int length, string tag)
    {
        var text = tag + " Jl. Émile Ñusantara 119 ";
        while (text.Length < length) text += text;
        return text[..length].TrimEnd().PadRight(length, 'x');
    }

    [TestCaseSource(nameof(Limits))]
    public async Task A_text_of_exactly_its_maximum_is_stored_whole_and_one_more_is_a_400_naming_the_field(string limit, int max)
    {
        var writer = Writers.TryGetValue(limit, out var w) ? w : null;
        Assert.That(writer, Is.Not.Null, $"TextLimits.{limit} has no writer in this test: add one that stores it through the API");

        var fits = Text(max, Guid.NewGuid().ToString("n")[..8]);
        var (status, stored) = await writer!(this, fits);
        Assert.That((int)status, Is.InRange(200, 299), $"{limit}: a value of exactly {max} characters is accepted on {Database}");
        Assert.That(stored, Is.EqualTo(fits), $"{limit}: stored whole on {Database}");

        if (!Refusals.TryGetValue(limit, out var field)) return; // stored in part by design (ingest), tested below
        var (tooLong, _) = await writer(this, Text(max + 1, Guid.NewGuid().ToString("n")[..8]));
        Assert.That(tooLong, Is.EqualTo(HttpStatusCode.BadRequest), $"{limit}: {max + 1} characters is a 400");
        Assert.That(LastProblemFields, Does.Contain(field), $"{limit}: the 400 names '{field}'");
    }

    /// <summary>The field a too-long value of each limit is refused under (ingest limits are not refused: see the ingest tests).</summary>
    private static readonly Dictionary<string, string> Refusals = new()
    {
        [nameof(TextLimits.Address)] = "address", [nameof(TextLimits.Complaint)] = "complaint", [nameof(TextLimits.CancelReason)] = "reason",
        [nameof(TextLimits.ResponseReason)] = "reason", [nameof(TextLimits.Note)] = "text",
[nameof(TextLimits.CallSign)] = "callSign", [nameof(TextLimits.Plate)] = "plate",
        [nameof(TextLimits.PatientName)] = "name", [nameof(TextLimits.Treatment)] = "treatments", [nameof(TextLimits.SisruteRef)] = "sisruteRef",
        [nameof(TextLimits.ReceivedBy)] = "receivedBy",
        [nameof(TextLimits.ImportMappingName)] = "name", [nameof(TextLimits.ImportMapping)] = "mapping",
        [nameof(TextLimits.SimulationName)] = "name", [nameof(TextLimits.SimulationKey)] = "scenario.stations[0].key",
        [nameof(TextLimits.StationName)] = "name", [nameof(TextLimits.UserName)] = "username", [nameof(TextLimits.DisplayName)] = "displayName",
    };

    private IReadOnlyList<string> LastProblemFields { get; set; } = [];

    private async Task<HttpStatusCode> SendAsync(HttpClient client, string path, object body, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), $"{path} on {Database}: {text[..Math.Min(text.Length, 400)]}");
        LastProblemFields = response.StatusCode == HttpStatusCode.BadRequest && JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(e => e.Name)]
            : [];
        LastBody = response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return response.StatusCode;
    }

    private JsonElement LastBody { get; set; }

    private T Column<T>(string sql, object args)
    {
        using var db = App.OpenDatabase();
        return db.ExecuteScalar<T>(sql, args)!;
    }

    /// <summary>A call answered by <paramref name="op"/>, ready to become an incident; returns its id.</summary>
    private async Task<long> AnsweredCallAsync(HttpClient op)
    {
        var id = (await Api.IngestAsync($"limit-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{id}/answer", null));
        return id;
    }
}
