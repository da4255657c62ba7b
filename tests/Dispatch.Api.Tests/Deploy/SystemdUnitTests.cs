using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// The units in deploy/systemd pass <c>systemd-analyze verify</c> without a single complaint, and
/// the service's hardening keeps systemd's exposure score low. (No unit is started: the test
/// machine has no systemd as PID 1.)
/// </summary>
public sealed partial class SystemdUnitTests
{
    private static readonly string[] Units = ["psc119.service", "psc119-backup.service", "psc119-backup.timer"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "psc119-units", Guid.NewGuid().ToString("n"));

    [SetUp]
    public void CopyUnits()
    {
        Directory.CreateDirectory(_folder);
        foreach (var unit in Units)
            File.WriteAllText(Path.Combine(_folder, unit), File.ReadAllText(DeployTools.DeployFile(Path.Combine("systemd", unit)))
                // verify checks that ExecStart exists: point the backup at the script in the repository.
                .Replace("/usr/local/sbin/psc119-backup-sqlite", DeployTools.DeployFile("backup-sqlite.sh"), StringComparison.Ordinal));
    }

    [TearDown]
    public void RemoveUnits() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task The_units_verify_cleanly()
    {
        var (code, output) = await VerifyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output.Trim(), Is.Empty, "systemd-analyze had something to say");
        });
    }

    [Test]
    public async Task A_misspelt_setting_is_reported()
    {
        var service = Path.Combine(_folder, "psc119.service");
        File.WriteAllText(service, File.ReadAllText(service).Replace("ProtectHome=yes", "ProtectHom=yes", StringComparison.Ordinal));
        var (_, output) = await VerifyAsync();
        Assert.That(output, Does.Contain("ProtectHom"));
    }

    [Test]
    public async Task The_service_is_well_confined()
    {
        var analyze = DeployTools.Require("systemd-analyze");
        var (code, output) = await DeployTools.RunAsync(analyze, ["security", "--offline=true", "--no-pager", Path.Combine(_folder, "psc119.service")]);
        var match = Exposure().Match(output);
        Assert.That(code == 0 && match.Success, Is.True, output);
        // 0 is a fully locked box, 10 an unconfined service; below 3 is rated "OK".
        Assert.That(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Is.LessThan(3.0), output);
    }

    private Task<(int Code, string Output)> VerifyAsync() =>
        DeployTools.RunAsync(DeployTools.Require("systemd-analyze"), ["verify", .. Units.Select(u => Path.Combine(_folder, u))],
            workingDirectory: _folder);

    [GeneratedRegex(@"Overall exposure level for psc119\.service: ([0-9.]+)")]
    private static partial Regex Exposure();
}
