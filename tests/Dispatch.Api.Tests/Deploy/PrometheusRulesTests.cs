namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// deploy/prometheus: the scrape example and the alert rules pass promtool, and the rules' own
/// unit tests (alerts.test.yml) show each alert firing when it should and not before.
/// </summary>
public sealed class PrometheusRulesTests
{
    private static async Task<string> PromtoolAsync(params string[] args)
    {
        var promtool = DeployTools.Require("promtool");
        var (code, output) = await DeployTools.RunAsync(promtool, args, workingDirectory: DeployTools.DeployFile("prometheus"));
        Assert.That(code, Is.Zero, output);
        return output;
    }

    [Test]
    public async Task The_alert_rules_check()
    {
        var output = await PromtoolAsync("check", "rules", "alerts.yml");
        Assert.That(output, Does.Contain("SUCCESS: 7 rules found"));
    }

    [Test]
    public async Task The_scrape_config_checks_with_its_rules()
    {
        var output = await PromtoolAsync("check", "config", "prometheus.yml");
        Assert.That(output, Does.Contain("SUCCESS: 1 rule files found"));
    }

    [Test]
    public async Task The_alerts_fire_as_their_tests_expect() =>
        Assert.That(await PromtoolAsync("test", "rules", "alerts.test.yml"), Does.Contain("SUCCESS"));
}
