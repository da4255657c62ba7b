using System.Net;
using System.Net.Http.Headers;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// DataProtection:KeysFolder keeps the keys that sign sessions across restarts: a crew phone's
/// token from before a restart still works after it (the systemd unit and the container set it).
/// </summary>
public sealed class KeyRingTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "psc119-keys", Guid.NewGuid().ToString("n"));

    [TearDown]
    public void RemoveKeys() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_token_survives_a_restart_with_the_same_keys_folder_and_not_with_another()
    {
        var kept = Path.Combine(_folder, "kept");
        string token;
        using (var before = new TestApp(Keys(kept)).Start())
            token = await new ApiClient(before).TokenAsync("crew1");

        Assert.Multiple(async () =>
        {
            Assert.That(Directory.GetFiles(kept, "key-*.xml"), Is.Not.Empty, "the key was written to the folder");
            Assert.That(await MeAsync(Keys(kept), token), Is.EqualTo(HttpStatusCode.OK), "restarted with the same keys");
            Assert.That(await MeAsync(Keys(Path.Combine(_folder, "other")), token), Is.EqualTo(HttpStatusCode.Unauthorized), "restarted with other keys");
        });
    }

    // Every start uses the same database, as a restart does: only the keys folder differs.
    private Dictionary<string, string?> Keys(string folder) => new()
    {
        ["DataProtection:KeysFolder"] = folder,
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "psc119.db")}",
    };

    private async Task<HttpStatusCode> MeAsync(Dictionary<string, string?> settings, string token)
    {
        using var app = new TestApp(settings).Start();
        using var client = new ApiClient(app).Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/auth/me")).StatusCode;
    }
}
