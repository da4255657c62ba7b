using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Protocols;

/// <summary>
/// Loading at start: a broken shipped file is reported naming the card and field and the app runs
/// with the others; a stored version that no longer validates leaves the card's last good version
/// in use.
/// </summary>
public sealed class CardLoadingTests : ApiTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"psc119-cards-{Guid.NewGuid():n}");

    protected override Dictionary<string, string?> Settings
    {
        get
        {
            Directory.CreateDirectory(_folder);
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Protocols", "Cards"), "*.json"))
                File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
            var burns = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "burns.json")))!;
            burns["questions"]![1]!["id"] = "awake"; // a duplicate question id
            File.WriteAllText(Path.Combine(_folder, "burns.json"), burns.ToJsonString());
            return new() { ["Protocols:CardsPath"] = _folder };
        }
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_broken_shipped_card_is_reported_and_the_others_are_in_use()
    {
        using var admin = await Api.AsAsync("admin");
        var list = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/protocols"));
        var problem = list.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("origin").GetString() == "burns.json");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("cardId").GetString(), Is.EqualTo("burns"));
            Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("questions"));
            Assert.That(problem.GetProperty("message").GetString(), Does.Contain("burns.json").And.Contain("duplicate id 'awake'"));
        });
        var cards = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/protocols"));
        Assert.That(cards.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList(), Has.Count.EqualTo(11).And.No.Contains("burns"));
        Assert.That(App.Logs, Has.Some.Contains("burns.json").And.Some.Contains("last good version"));
    }

    [Test]
    public async Task A_stored_version_that_does_not_validate_leaves_the_last_good_one_in_use()
    {
        using (var db = App.OpenDatabase())
        {
            var json = db.ExecuteScalar<string>("SELECT json FROM protocol_cards WHERE card_id = 'stroke' AND version = 1")!;
            var broken = JsonNode.Parse(json)!;
            broken["version"] = 2;
            broken["defaultTriage"] = "ungu";
            db.Execute("INSERT INTO protocol_cards (card_id, version, json, changed_by, changed_at) VALUES ('stroke', 2, @Json, 'admin', 0)", new { Json = broken.ToJsonString() });
        }
        using var op = await Api.AsAsync("operator1");
        var stroke = await ApiClient.OkJsonAsync(await op.GetAsync("/api/protocols/stroke"));
        Assert.That(stroke.GetProperty("version").GetInt32(), Is.EqualTo(1));
        using var admin = await Api.AsAsync("admin");
        var list = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/protocols"));
        Assert.That(list.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()),
            Has.Some.Contains("'stroke' (stroke v2): defaultTriage"));
        var versions = list.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("cardId").GetString() == "stroke").GetProperty("versions");
        Assert.That(versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("inUse").GetBoolean(), v.GetProperty("problem").ValueKind)),
            Is.EqualTo(new[] { (2, false, JsonValueKind.String), (1, true, JsonValueKind.Null) }));
    }
}
