using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Auth;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Auth;

/// <summary>Passwords: one rule everywhere, people choose their own, and the site keeps an administrator.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class PasswordTests(string database) : ApiTest(database)
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..20];

    private async Task<(long Id, string Name)> CreateAsync(HttpClient admin, string role = "operator", string password = "kata-sandi-awal")
    {
        var name = Unique(role);
        var created = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users", new { username = name, role, password }));
        return (created.GetProperty("id").GetInt64(), name);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [TestCase("kata-sandi")] // 10: too short
    [TestCase("sandi-11chr")] // 11: too short
    [TestCase("1qaz2wsx3edc")] // 12, but on the list of common passwords
    [TestCase("QWERTY123456")] // the list is taken whatever the case
    public async Task A_weak_password_is_refused_when_created_reset_or_chosen(string weak)
    {
        using var admin = await Api.AsAsync("admin");
        var (id, name) = await CreateAsync(admin);

        var create = await admin.PostAsJsonAsync("/api/admin/users", new { username = Unique("lemah"), role = "operator", password = weak });
        var reset = await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = weak });
        using var user = await Api.AsAsync(name, "kata-sandi-awal");
        var change = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = "kata-sandi-awal", newPassword = weak });

        Assert.That((await ProblemAsync(create, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("password", out _), Is.True);
        Assert.That((await ProblemAsync(reset, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("password", out _), Is.True);
        Assert.That((await ProblemAsync(change, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("newPassword", out _), Is.True);
    }

    [Test]
    public async Task A_password_of_128_characters_is_taken_and_one_of_129_nowhere()
    {
        using var admin = await Api.AsAsync("admin");
        var longest = new string('k', 120) + "-sandi-1";
        Assert.That(longest, Has.Length.EqualTo(PasswordPolicy.MaxLength));
        var (_, name) = await CreateAsync(admin, password: longest);
        using var anonymous = Api.Anonymous();

        Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = name, password = longest })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var tooLong = longest + "x";
        var create = await admin.PostAsJsonAsync("/api/admin/users", new { username = Unique("panjang"), role = "operator", password = tooLong });
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = name, password = tooLong });
        Assert.That((await ProblemAsync(login, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("password", out _), Is.True);
    }

    [Test]
    public async Task A_password_an_administrator_set_must_be_changed_before_anything_else()
    {
        using var admin = await Api.AsAsync("admin");
        var (id, name) = await CreateAsync(admin);
        using var user = await Api.AsAsync(name, "kata-sandi-awal");

        var refused = await ProblemAsync(await user.GetAsync("/api/units"), HttpStatusCode.Forbidden);
        var me = await ApiClient.OkJsonAsync(await user.GetAsync("/api/auth/me"));
        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("password-change-required"));
        Assert.That(me.GetProperty("mustChangePassword").GetBoolean(), Is.True);

        var changed = await ApiClient.OkJsonAsync(await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = "kata-sandi-awal", newPassword = "pilihan-saya-sendiri" }));
        Assert.That(changed.GetProperty("mustChangePassword").GetBoolean(), Is.False);
        Assert.That((await user.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same session goes on once the password is the user's own");

        await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "reset-oleh-admin" }));
        using var afterReset = await Api.AsAsync(name, "reset-oleh-admin");
        Assert.That((await ProblemAsync(await afterReset.GetAsync("/api/units"), HttpStatusCode.Forbidden)).GetProperty("code").GetString(),
            Is.EqualTo("password-change-required"), "a reset asks again");
    }

    [Test]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        using var admin = await Api.AsAsync("admin");
        var (_, name) = await CreateAsync(admin);
        var own = await Api.ChooseOwnPasswordAsync(name, "kata-sandi-awal");
        using var here = await Api.AsAsync(name, own);
        using var elsewhere = Api.Anonymous();
        var token = (await ApiClient.OkJsonAsync(await elsewhere.PostAsJsonAsync("/api/auth/login", new { username = name, password = own }))).GetProperty("accessToken").GetString();
        elsewhere.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var wrong = await ProblemAsync(await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = "bukan-sandi-saya", newPassword = "sandi-baru-yang-kuat" }), HttpStatusCode.BadRequest);
        var same = await ProblemAsync(await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = own, newPassword = own }), HttpStatusCode.BadRequest);
        await ApiClient.OkJsonAsync(await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = own, newPassword = "sandi-baru-yang-kuat" }));

        using var anonymous = Api.Anonymous();
        Assert.Multiple(async () =>
        {
            Assert.That(wrong.GetProperty("code").GetString(), Is.EqualTo("wrong-current-password"));
            Assert.That(same.GetProperty("errors").TryGetProperty("newPassword", out _), Is.True);
            Assert.That((await here.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session that changed it goes on");
            Assert.That((await elsewhere.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "every other session ends");
            Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = name, password = own })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = name, password = "sandi-baru-yang-kuat" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task The_last_active_administrator_can_be_neither_disabled_nor_demoted()
    {
        using var admin = await Api.AsAsync("admin");
        var adminId = (await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/users"))).EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == "admin").GetProperty("id").GetInt64();
        var (secondId, _) = await CreateAsync(admin, role: "admin");

        // With a second active administrator, either may go; then the one left stays.
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{secondId}", new { role = "admin", disabled = true }));
        var disable = await admin.PutAsJsonAsync($"/api/admin/users/{adminId}", new { role = "admin", disabled = true });
        var demote = await admin.PutAsJsonAsync($"/api/admin/users/{adminId}", new { role = "operator" });

        Assert.That((await ProblemAsync(disable, HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("last-admin"));
        Assert.That((await ProblemAsync(demote, HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("last-admin"));
        Assert.That((await admin.GetAsync("/api/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still an administrator");
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{adminId}", new { role = "admin", displayName = "Admin PSC" }));
    }
}
