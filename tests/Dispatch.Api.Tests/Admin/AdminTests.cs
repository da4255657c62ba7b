using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Admin;

/// <summary>Administration of units, facilities and users; every change is logged with who and when.</summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class AdminTests(string database) : ApiTest(database)
{
    private IReadOnlyList<(string Actor, string Action)> Log()
    {
        using var db = App.OpenDatabase();
        return db.Query<(string, string)>("SELECT actor, action FROM incident_log ORDER BY id").ToList();
    }

    [Test]
    public async Task An_admin_adds_and_edits_a_unit_and_takes_it_out_of_service()
    {
        using var admin = await Api.AsAsync("admin");
        await using var opHub = await Api.ListenAsync("operator1");
        var created = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/units", new { callSign = "AMB-07 (contoh)", plate = "CONTOH-0007", type = "als", homeStationId = 1 }));
        var id = created.GetProperty("id").GetInt64();

        var edited = await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/units/{id}", new { callSign = "AMB-07 (contoh)", plate = "CONTOH-0077", type = "bls", homeStationId = 1, inService = false }));

        Assert.That(edited.GetProperty("plate").GetString(), Is.EqualTo("CONTOH-0077"));
        Assert.That(edited.GetProperty("status").GetString(), Is.EqualTo("outOfService"));
        await opHub.WaitForAsync(e => e.Type == "UnitChanged" && e.Long("id") == id && e.Str("status") == "outOfService");
        Assert.That(Log(), Is.SupersetOf(new[] { ("admin", "admin.unit.created"), ("admin", "admin.unit.changed") }));
    }

    [Test]
    public async Task A_facility_is_added_and_moved()
    {
        using var admin = await Api.AsAsync("admin");
        var created = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/stations", new { name = "RS Uji", kind = "hospital", lat = -0.78, lon = 100.64 }));
        var id = created.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/stations/{id}", new { name = "RS Uji", kind = "hospital", lat = -0.781, lon = 100.641 }));
        var facilities = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/facilities"));
        Assert.That(facilities.EnumerateArray().Single(f => f.GetProperty("id").GetInt64() == id).GetProperty("lat").GetDouble(), Is.EqualTo(-0.781));
        var bad = await admin.PostAsJsonAsync("/api/admin/stations", new { name = "x", kind = "hospital", lat = 91, lon = 100 });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Log(), Does.Contain(("admin", "admin.station.changed")));
    }

    [Test]
    public async Task Users_are_created_bound_to_a_unit_reset_and_disabled()
    {
        using var admin = await Api.AsAsync("admin");
        var user = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users", new { username = "kru-baru", role = "crew", unitId = 3, password = "kata-sandi-awal" }));
        var id = user.GetProperty("id").GetInt64();
        using var anonymous = Api.Anonymous();
        Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "kru-baru", password = "kata-sandi-awal" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var own = await Api.ChooseOwnPasswordAsync("kru-baru", "kata-sandi-awal");
        using var openedBeforeReset = await Api.AsAsync("kru-baru", own);
        await using var hubBeforeReset = await HubListener.ConnectAsync(App.BaseAddress, await Api.TokenAsync("kru-baru", own));
        var hubClosed = Closed(hubBeforeReset);
        Assert.That((await openedBeforeReset.GetAsync("/api/units/3")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "kata-sandi-kedua" }));
        Assert.That((await openedBeforeReset.GetAsync("/api/units/3")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a reset ends sessions opened with the old password");
        Assert.That(await hubClosed.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(t => t.IsCompletedSuccessfully), Is.True, "and their live connections");
        Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "kru-baru", password = own })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "kru-baru", password = "kata-sandi-kedua" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var ownAgain = await Api.ChooseOwnPasswordAsync("kru-baru", "kata-sandi-kedua");
        using var session = await Api.AsAsync("kru-baru", ownAgain);
        Assert.That((await session.GetAsync("/api/units/3")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { role = "crew", unitId = 3, disabled = true }));
        Assert.That((await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "kru-baru", password = ownAgain })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await session.GetAsync("/api/units/3")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the open session ends too");

        var crewWithoutUnit = await admin.PostAsJsonAsync("/api/admin/users", new { username = "kru-tanpa-unit", role = "crew", password = "kata-sandi-awal" });
        Assert.That(crewWithoutUnit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var log = Log();
        Assert.That(log, Is.SupersetOf(new[] { ("admin", "admin.user.created"), ("admin", "admin.user.password-reset"), ("admin", "admin.user.changed") }));
        using var db = App.OpenDatabase();
        Assert.That(string.Join("\n", db.Query<string?>("SELECT details FROM incident_log")), Does.Not.Contain("kata-sandi"), "passwords never reach the log");
    }

    [Test]
    public async Task Open_hub_connections_of_a_moved_crew_and_a_disabled_operator_are_closed()
    {
        using var admin = await Api.AsAsync("admin");
        var crewId = await CreateUserAsync(admin, "kru-pindah", "crew", unitId: 3);
        var operatorId = await CreateUserAsync(admin, "op-nonaktif", "operator", unitId: null);
        var crewToken = await Api.TokenAsync("kru-pindah", OwnPassword);
        var operatorToken = await Api.TokenAsync("op-nonaktif", OwnPassword);
        await using var crewHub = await HubListener.ConnectAsync(App.BaseAddress, crewToken);
        await using var operatorHub = await HubListener.ConnectAsync(App.BaseAddress, operatorToken);
        await using var bystander = await Api.ListenAsync("operator1");
        var crewClosed = Closed(crewHub);
        var operatorClosed = Closed(operatorHub);

        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{crewId}", new { role = "crew", unitId = 4 }));
        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{operatorId}", new { role = "operator", disabled = true }));

        // One sweep (2 s) after the change on this node; generous for a loaded machine.
        Assert.That(await Task.WhenAll(crewClosed, operatorClosed).WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(t => t.IsCompletedSuccessfully),
            Is.True, "both connections were closed by the server");
        // Their reconnects, with the tokens they hold, are refused.
        Assert.That(async () => await HubListener.ConnectAsync(App.BaseAddress, operatorToken),
            Throws.InstanceOf<HttpRequestException>().With.Property(nameof(HttpRequestException.StatusCode)).EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(async () => await HubListener.ConnectAsync(App.BaseAddress, crewToken),
            Throws.InstanceOf<HttpRequestException>().With.Property(nameof(HttpRequestException.StatusCode)).EqualTo(HttpStatusCode.Unauthorized));

        // The unchanged operator's connection stays open and still hears pushes.
        var created = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/units", new { callSign = "AMB-08 (contoh)", plate = "CONTOH-0008", type = "bls", homeStationId = 1 }));
        await bystander.WaitForAsync(e => e.Type == "UnitChanged" && e.Long("id") == created.GetProperty("id").GetInt64());
        Assert.That(bystander.Connection.State, Is.EqualTo(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected));
    }

    private const string OwnPassword = "kata-sandi-sendiri";

    /// <summary>Creates a user, who then chooses <see cref="OwnPassword"/> (as they must before anything else).</summary>
    private async Task<long> CreateUserAsync(HttpClient admin, string name, string role, long? unitId)
    {
        var id = (await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users", new { username = name, role, unitId, password = "kata-sandi-awal" })))
            .GetProperty("id").GetInt64();
        await Api.ChooseOwnPasswordAsync(name, "kata-sandi-awal", OwnPassword);
        return id;
    }

    private static Task Closed(HubListener hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    [Test]
    public async Task A_cookie_session_needs_the_antiforgery_token_for_changes()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = App.BaseAddress };
        await ApiClient.OkJsonAsync(await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { username = "admin", password = TestApp.Password }));

        var without = await browser.PostAsJsonAsync("/api/admin/stations", new { name = "Tanpa token", kind = "hospital", lat = -0.78, lon = 100.64 });
        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var token = (await ApiClient.OkJsonAsync(await browser.GetAsync("/api/auth/antiforgery"))).GetProperty("requestToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/stations") { Content = JsonContent.Create(new { name = "Dengan token", kind = "hospital", lat = -0.78, lon = 100.64 }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        Assert.That((await browser.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
