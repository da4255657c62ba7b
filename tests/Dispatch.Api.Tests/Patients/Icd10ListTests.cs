using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Patients;

/// <summary>
/// A deployment provides the ICD-10 list it is licensed to use (<c>Icd10:ListPath</c>, plain or
/// gzip'd TSV): the search finds codes by prefix and by words, and a patient's code not in the list
/// is flagged, never refused.
/// </summary>
public sealed class Icd10ListTests : ApiTest
{
    private static readonly string ListFile = Path.Combine(Path.GetTempPath(), $"psc119-icd10-{Guid.NewGuid():N}.tsv.gz");

    protected override Dictionary<string, string?> Settings
    {
        get
        {
            using (var gz = new GZipStream(File.Create(ListFile), CompressionLevel.Fastest))
                gz.Write(Encoding.UTF8.GetBytes("I21\tInfark miokard akut\nI21.9\tInfark miokard akut, tidak spesifik\nS52.5\tFraktur ujung bawah radius\nbukan kode\tdilewati\n"));
            return new() { ["Icd10:ListPath"] = ListFile };
        }
    }

    [OneTimeTearDown]
    public void RemoveList() => File.Delete(ListFile);

    [Test]
    public async Task The_configured_list_is_searched_by_code_and_words_and_flags_unlisted_codes()
    {
        using var op = await Api.AsAsync("operator1");
        async Task<List<string>> Search(string q)
        {
            var answer = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/icd10?q={Uri.EscapeDataString(q)}"));
            Assert.That(answer.GetProperty("listShipped").GetBoolean(), Is.True);
            return answer.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
        }
        Assert.That(await Search("i21"), Is.EqualTo(new[] { "I21", "I21.9" }), "by code prefix, any case");
        Assert.That(await Search("S525"), Is.EqualTo(new[] { "S52.5" }), "the dot is optional");
        Assert.That(await Search("miokard spesifik"), Is.EqualTo(new[] { "I21.9" }), "every word of the title");
        Assert.That(await Search("dilewati"), Is.Empty, "a line without a valid code is skipped");

        var incidentId = await Api.OpenIncidentAsync(op, "icd10-list-1");
        var listed = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", new { icd10 = "I21.9" }));
        var unlisted = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{incidentId}/patients", new { icd10 = "Z99.8" }));
        Assert.That(listed.GetProperty("icd10Listed").GetBoolean(), Is.True);
        Assert.That((unlisted.GetProperty("icd10").GetString(), unlisted.GetProperty("icd10Listed").GetBoolean()), Is.EqualTo(("Z99.8", false)),
            "kept and flagged, not refused");
    }
}
