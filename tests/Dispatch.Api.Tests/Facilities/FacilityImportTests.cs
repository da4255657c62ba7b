using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Facilities;

/// <summary>Admins update free beds in bulk from the national bed data shapes (small fixtures, one per shape).</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class FacilityImportTests(string database) : ApiTest(database)
{
    private const long Hospital = 5; // Rumah Sakit Contoh A

    // RS Online bed bridging: per room type its capacity (jumlah) and occupied (terpakai) beds.
    private const string RsOnline = """
        kode_rs,nama_rs,nama_tt,jumlah,terpakai
        1372011,Rumah Sakit Contoh A,ICU Dengan Ventilator,4,3
        1372011,Rumah Sakit Contoh A,ICU Tanpa Ventilator,2,1
        1372011,Rumah Sakit Contoh A,NICU,3,3
        1372011,Rumah Sakit Contoh A,IGD,10,6
        1372011,Rumah Sakit Contoh A,Kelas 1,20,5
        9999999,RS Tidak Dikenal,IGD,5,1
        """;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string csv, string query = "")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "beds.csv");
        return await admin.PostAsync($"/api/admin/facilities/import{query}", form);
    }

    private static async Task<JsonElement> HospitalAsync(HttpClient client) =>
        (await ApiClient.OkJsonAsync(await client.GetAsync("/api/facilities"))).EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == Hospital);

    [Test, Order(1)]
    public async Task A_dry_run_counts_and_lists_unknown_facilities_and_writes_nothing_then_the_import_sets_free_beds()
    {
        using var admin = await Api.AsAsync("admin");
        var preview = await ApiClient.OkJsonAsync(await PostAsync(admin, RsOnline, "?dryRun=true"));
        Assert.That(preview.GetProperty("facilities").GetInt32(), Is.EqualTo(2));
        Assert.That(preview.GetProperty("matched").GetInt32(), Is.EqualTo(1));
        Assert.That(preview.GetProperty("unknown")[0].GetProperty("name").GetString(), Is.EqualTo("RS Tidak Dikenal"));
        Assert.That(preview.GetProperty("unknown")[0].GetProperty("reason").GetString(), Is.EqualTo("notFound"));
        var beds = preview.GetProperty("changes")[0].GetProperty("beds");
        Assert.That((beds.GetProperty("icu").GetInt32(), beds.GetProperty("nicu").GetInt32(), beds.GetProperty("igd").GetInt32()), Is.EqualTo((2, 0, 4)),
            "free = capacity - occupied, summed per kind; ward classes left out");
        Assert.That(beds.EnumerateObject().Count(), Is.EqualTo(3));
        Assert.That((await HospitalAsync(admin)).GetProperty("availability").ValueKind, Is.EqualTo(JsonValueKind.Null), "a dry run writes nothing");

        var applied = await ApiClient.OkJsonAsync(await PostAsync(admin, RsOnline));
        Assert.That((applied.GetProperty("updated").GetInt32(), applied.GetProperty("created").GetInt32()), Is.EqualTo((1, 0)));
        var hospital = await HospitalAsync(admin);
        Assert.That(hospital.GetProperty("code").GetString(), Is.EqualTo("1372011"), "matched by name, the code is kept for next time");
        Assert.That(hospital.GetProperty("availability").GetProperty("beds").GetProperty("igd").GetInt32(), Is.EqualTo(4));
        Assert.That(hospital.GetProperty("availability").GetProperty("edStatus").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test, Order(2)]
    public async Task An_aplicares_file_matched_by_code_sets_what_is_available()
    {
        using var admin = await Api.AsAsync("admin");
        await ApiClient.OkJsonAsync(await PostAsync(admin, "kode_rs,nama_rs,nama_tt,jumlah,terpakai\n1372011,Rumah Sakit Contoh A,IGD,10,6\n"));
        const string aplicares = """
            kodeppk;namappk;kodekelas;namakelas;kapasitas;tersedia
            1372011;RS dengan nama lain;ICU;ICU;6;1
            1372011;RS dengan nama lain;ISO;Isolasi;4;2
            1372011;RS dengan nama lain;KL3;Kelas 3;30;9
            """;
        var report = await ApiClient.OkJsonAsync(await PostAsync(admin, aplicares.Replace("kodeppk", "kode", StringComparison.Ordinal)));
        Assert.That(report.GetProperty("matched").GetInt32(), Is.EqualTo(1));
        var beds = (await HospitalAsync(admin)).GetProperty("availability").GetProperty("beds");
        Assert.That((beds.GetProperty("icu").GetInt32(), beds.GetProperty("isolation").GetInt32(), beds.GetProperty("igd").GetInt32()), Is.EqualTo((1, 2, 4)),
            "tersedia as such; a kind not in the file keeps its value");
    }

    [Test]
    public async Task Unknown_facilities_are_created_only_on_request_and_with_a_position()
    {
        using var admin = await Api.AsAsync("admin");
        const string csv = "nama,lat,lon,igd,icu\nRS Baru Contoh,-0.80,100.66,3,1\nRS Tanpa Posisi,,,2,0\n";
        var report = await ApiClient.OkJsonAsync(await PostAsync(admin, csv, "?create=true"));
        Assert.That(report.GetProperty("created").GetInt32(), Is.EqualTo(1));
        Assert.That(report.GetProperty("unknown")[0].GetProperty("reason").GetString(), Is.EqualTo("noPosition"));
        var created = (await ApiClient.OkJsonAsync(await admin.GetAsync("/api/facilities"))).EnumerateArray().Single(f => f.GetProperty("name").GetString() == "RS Baru Contoh");
        Assert.That(created.GetProperty("kind").GetString(), Is.EqualTo("hospital"));
        Assert.That(created.GetProperty("availability").GetProperty("beds").GetProperty("igd").GetInt32(), Is.EqualTo(3));
    }

    [TestCase("nama,warna\nRS A,merah\n")]
    [TestCase("nama_tt,jumlah,terpakai\nIGD,1,0\n")]
    public async Task A_file_of_another_shape_is_400_naming_the_file(string csv)
    {
        using var admin = await Api.AsAsync("admin");
        var response = await PostAsync(admin, csv);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadAsStringAsync()), Does.Contain("\"file\""));
    }
}
