using Dispatch.Api.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Api.Tests.Security;

/// <summary>Outside Development the app refuses demo data and default secrets, and says why.</summary>
public sealed class StartupGuardTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Dispatch.Api";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IReadOnlyList<string> Problems(string environment, Dictionary<string, string?> settings) =>
        StartupGuard.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Env(environment));

    private static readonly string GoodKey = new('k', 32);

    [Test]
    public void Production_with_a_real_key_and_no_demo_starts() =>
        Assert.That(Problems("Production", new() { ["Telephony:ApiKeys:0"] = GoodKey }), Is.Empty);

    [TestCase("postgres", null, "Audit:ChainKey is empty")]
    [TestCase("sqlserver", null, "Audit:ChainKey is empty")]
    [TestCase("sqlite", "c2hvcnQ=", "at least 32 are needed")]
    [TestCase("postgres", "not base64!", "not base64")]
    public void Production_refuses_a_server_database_without_a_good_chain_key(string provider, string? chainKey, string named)
    {
        var problems = Problems("Production", new() { ["Telephony:ApiKeys:0"] = GoodKey, ["Database:Provider"] = provider, ["Audit:ChainKey"] = chainKey });
        Assert.That(problems, Has.Some.Contains(named));
        var fixedUp = Problems("Production", new() { ["Telephony:ApiKeys:0"] = GoodKey, ["Database:Provider"] = provider, ["Audit:ChainKey"] = Convert.ToBase64String(new byte[32]) });
        Assert.That(fixedUp, Is.Empty);
    }

    [Test]
    public void The_embedded_sqlite_default_keeps_its_own_chain_key() =>
        Assert.That(Problems("Production", new() { ["Telephony:ApiKeys:0"] = GoodKey }), Is.Empty);

    [TestCase("Seed:Demo", "true", "Seed:Demo")]
    [TestCase("Seed:DemoPassword", "psc119-demo", "Seed:DemoPassword")]
    [TestCase("Seed:TelephonyApiKey", "demo-telephony-key", "Seed:TelephonyApiKey")]
    public void Production_refuses_demo_settings(string key, string value, string named)
    {
        var problems = Problems("Production", new() { ["Telephony:ApiKeys:0"] = GoodKey, [key] = value });
        Assert.That(problems, Has.Some.Contains(named));
    }

    [Test]
    public void Production_refuses_a_missing_or_short_telephony_key()
    {
        Assert.That(Problems("Production", []), Has.Some.Contains("Telephony:ApiKeys"));
        Assert.That(Problems("Staging", new() { ["Telephony:ApiKeys:0"] = "short" }), Has.Some.Contains("shorter"));
    }

    [Test]
    public void Named_keys_start_production_and_need_a_name_a_length_and_names_of_their_own()
    {
        Assert.That(Problems("Production", new() { ["Telephony:Keys:0:Name"] = "pbx", ["Telephony:Keys:0:Key"] = GoodKey }), Is.Empty);
        Assert.That(Problems("Production", new() { ["Telephony:Keys:0:Key"] = GoodKey }), Has.Some.Contains("no name"));
        Assert.That(Problems("Production", new() { ["Telephony:Keys:0:Name"] = "pbx", ["Telephony:Keys:0:Key"] = "short" }), Has.Some.Contains("shorter"));
        Assert.That(Problems("Production", new()
        {
            ["Telephony:Keys:0:Name"] = "pbx", ["Telephony:Keys:0:Key"] = GoodKey,
            ["Telephony:Keys:1:Name"] = "PBX", ["Telephony:Keys:1:Key"] = GoodKey + "2",
        }), Has.Some.Contains("share a name"));
    }

    [Test]
    public void Development_may_use_the_demo() =>
        Assert.That(Problems("Development", new() { ["Seed:Demo"] = "true", ["Seed:DemoPassword"] = "x" }), Is.Empty);
}
