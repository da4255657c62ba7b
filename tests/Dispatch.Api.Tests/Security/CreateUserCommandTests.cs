using System.Net;
using System.Net.Http.Json;
using Dispatch.Api.Auth;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>The command a real site uses to create its first users.</summary>
public sealed class CreateUserCommandTests
{
    [Test]
    public async Task A_created_user_can_sign_in_with_the_password_from_the_environment()
    {
        using var app = new TestApp().Start();
        Environment.SetEnvironmentVariable(CreateUserCommand.PasswordVariable, "a-long-enough-secret");
        try
        {
            Assert.That(await CreateUserCommand.RunAsync(app.Services, ["kru-amb03", "crew", "--unit", "3"]), Is.Zero);
            Assert.That(await CreateUserCommand.RunAsync(app.Services, ["someone", "crew"]), Is.EqualTo(2), "crew needs a unit");
            Assert.That(await CreateUserCommand.RunAsync(app.Services, ["someone", "superuser"]), Is.EqualTo(2), "unknown role");
            Assert.That(await CreateUserCommand.RunAsync(app.Services, ["igd-rs", "facility"]), Is.EqualTo(2), "a facility user needs a facility");
            Assert.That(await CreateUserCommand.RunAsync(app.Services, ["igd-rs", "operator", "--facility", "5"]), Is.EqualTo(2), "only a facility user takes one");
            Assert.That(await CreateUserCommand.RunAsync(app.Services, ["igd-rs", "facility", "--facility", "999999"]), Is.EqualTo(2), "an unknown facility");
            Assert.That(await CreateUserCommand.RunAsync(app.Services, ["igd-rs", "facility", "--facility", "5"]), Is.Zero);
            Assert.That(await CreateUserCommand.RunAsync(app.Services, [new string('n', Dispatch.Core.Common.TextLimits.UserName + 1), "admin"]), Is.EqualTo(2),
                "a name longer than users.user_name is refused with a message, not a database error");
        }
        finally
        {
            Environment.SetEnvironmentVariable(CreateUserCommand.PasswordVariable, null);
        }
        using var client = new ApiClient(app).Anonymous();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { username = "kru-amb03", password = "a-long-enough-secret" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var me = await ApiClient.OkJsonAsync(await client.GetAsync("/api/auth/me"));
        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("crew"));
        Assert.That(me.GetProperty("unitId").GetInt64(), Is.EqualTo(3));
        Assert.That(login.Headers.GetValues("Set-Cookie").Single(), Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
        using var desk = new ApiClient(app).Anonymous();
        await ApiClient.OkJsonAsync(await desk.PostAsJsonAsync("/api/auth/login?useCookies=true", new { username = "igd-rs", password = "a-long-enough-secret" }));
        Assert.That((await ApiClient.OkJsonAsync(await desk.GetAsync("/api/auth/me"))).GetProperty("facilityId").GetInt64(), Is.EqualTo(5));
    }
}
