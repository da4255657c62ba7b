using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Dispatch.Api.Admin;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// The app as it runs in Production (no demo): the session key ring is encrypted at rest with the
/// configured certificate, or the app warns at start; the OpenAPI document needs a signed-in user.
/// </summary>
public sealed class ProductionAppTests
{
    private const string CertificatePassword = "pfx-password-for-tests";
    private const string UserPassword = "a-long-production-password";
    private const string Warning = "The session key ring is not encrypted at rest";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "psc119-production", Guid.NewGuid().ToString("n"));

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder);

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Without_a_certificate_the_app_warns_and_the_contract_needs_a_sign_in()
    {
        using var app = new TestApp(Production()).Start();
        var api = new ApiClient(app);
        await AddAdminAsync(app);
        using var anonymous = api.Anonymous();
        using var signedIn = await api.AsAsync("ops-admin", UserPassword);

        Assert.Multiple(async () =>
        {
            Assert.That(app.Logs, Has.Some.Contains(Warning));
            Assert.That((await anonymous.GetAsync("/openapi/v1.json")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await signedIn.GetAsync("/openapi/v1.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await anonymous.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_read_back_after_a_restart()
    {
        var pfx = Path.Combine(_folder, "keyring.pfx");
        var bytes = RsaCertificate().Export(X509ContentType.Pkcs12, CertificatePassword);
        await File.WriteAllBytesAsync(pfx, bytes);

        string token;
        using (var first = new TestApp(Production(new() { ["DataProtection:CertificatePath"] = pfx })).Start())
        {
            await AddAdminAsync(first);
            token = await new ApiClient(first).TokenAsync("ops-admin", UserPassword);
            Assert.That(first.Logs, Has.None.Contains(Warning));
        }

        using (var db = new SqliteConnection($"Data Source={Database}"))
        {
            var keys = db.Query<string>("SELECT xml FROM data_protection_keys").ToList();
            Assert.That(keys, Is.Not.Empty);
            Assert.That(keys, Has.All.Contains("EncryptedData").And.All.Not.Contains("<value>"), "no master key in the clear");
        }

        // The same certificate given inline (base64, as from a secret store) decrypts them.
        using var second = new TestApp(Production(new() { ["DataProtection:Certificate"] = Convert.ToBase64String(bytes) })).Start();
        using var client = new ApiClient(second).Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.That((await client.GetAsync("/api/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private string Database => Path.Combine(_folder, "psc119.db");

    private Dictionary<string, string?> Production(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Database:ConnectionString"] = $"Data Source={Database}",
            ["Seed:Demo"] = "false",
            ["Seed:DemoPassword"] = "",
            ["Seed:TelephonyApiKey"] = "",
            ["Telephony:Keys:0:Name"] = "pbx",
            ["Telephony:Keys:0:Key"] = "a-production-telephony-key-0123456789",
            ["DataProtection:CertificatePassword"] = CertificatePassword,
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return settings;
    }

    /// <summary>Production has no demo users: the first administrator, as create-user would add it.</summary>
    private static Task AddAdminAsync(TestApp app) =>
        app.Services.GetRequiredService<AdminDesk>()
            .AddUserAsync(new UserRequest("ops-admin", "Ops", "admin", null, false, UserPassword), "test", CancellationToken.None);

    private static X509Certificate2 RsaCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=psc119 key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }
}
