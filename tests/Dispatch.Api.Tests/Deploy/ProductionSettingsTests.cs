using System.Text.RegularExpressions;
using Dispatch.Api.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// deploy/appsettings.Production.example.json holds no secret, and with the secrets from the
/// environment (as the systemd unit and docker-compose give them) the app's start-up guard is satisfied.
/// </summary>
public sealed partial class ProductionSettingsTests
{
    private static string Example => DeployTools.DeployFile("appsettings.Production.example.json");

    [Test]
    public void The_example_holds_no_secret()
    {
        var keys = new ConfigurationBuilder().AddJsonFile(Example).Build().AsEnumerable().Select(kv => kv.Key).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(keys, Has.Some.StartsWith("Database"), "the file was read");
            Assert.That(keys.Where(k => Secret().IsMatch(k)), Is.Empty);
        });
    }

    [Test]
    public void With_the_secrets_from_the_environment_production_starts()
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Example)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // What the environment file / .env supplies, in the names the docs give.
                ["Database:ConnectionString"] = "Server=sql;Database=psc119;User Id=psc119_app;Password=x;Encrypt=True",
                ["Telephony:ApiKeys:0"] = new string('k', StartupGuard.MinimumKeyLength),
                ["Audit:ChainKey"] = Convert.ToBase64String(new byte[32]),
            })
            .Build();
        Assert.That(StartupGuard.Problems(config, new ProductionEnvironment()), Is.Empty);
    }

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Dispatch.Api";
        public string ContentRootPath { get; set; } = "/opt/psc119";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [GeneratedRegex("(?i)password|connectionstring|apikey|secret|token|^Redis|^Seed")]
    private static partial Regex Secret();
}
