using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// The sqlcmd scripts in deploy/sqlserver (setup, backup, restore check) are valid T-SQL for
/// Microsoft's own parser once their variables are filled in, and each variable they use is named
/// in the command line their header shows. No SQL Server runs here, so this is the check we have.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    public static readonly string[] Scripts = ["create-database.sql", "backup.sql", "verify-restore.sql"];

    /// <summary>Read from the environment, so not on the documented command line.</summary>
    private const string SecretVariable = "AppPassword";

    [TestCaseSource(nameof(Scripts))]
    public void The_script_parses_as_TSql(string script)
    {
        var errors = ParseErrors(Fill(Read(script)));
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
    }

    [TestCaseSource(nameof(Scripts))]
    public void Every_variable_is_on_the_documented_command_line(string script)
    {
        var sql = Read(script);
        var usage = string.Join('\n', sql.Split('\n').Where(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) && l.Contains("sqlcmd ", StringComparison.Ordinal)
            || l.TrimStart().StartsWith("--     -v", StringComparison.Ordinal)));
        var undocumented = Variable().Matches(sql).Select(m => m.Groups[1].Value).Distinct()
            .Where(v => v != SecretVariable && !usage.Contains(v + "=", StringComparison.Ordinal)).ToList();
        Assert.That(undocumented, Is.Empty, $"{script} uses variables its usage line does not set");
    }

    [Test]
    public void A_broken_script_fails_the_parse()
    {
        var broken = Fill(Read("backup.sql")).Replace("RESTORE VERIFYONLY FROM", "RESTORE VERIFYONLY FORM", StringComparison.Ordinal);
        Assert.That(ParseErrors(broken), Is.Not.Empty);
    }

    private static string Read(string script) => File.ReadAllText(DeployTools.DeployFile(Path.Combine("sqlserver", script)));

    private static string Fill(string sql) => Variable().Replace(sql, m => m.Groups[1].Value switch
    {
        "DatabaseName" => "psc119",
        "VerifyName" => "psc119_verify",
        "AppLogin" => "psc119_app",
        "AppPassword" => "Example-Passw0rd",
        "RecoveryModel" => "FULL",
        "BackupFile" => "/var/opt/mssql/backup/psc119-full.bak",
        "DataFolder" => "/var/opt/mssql/data",
        "BackupCertificate" => "psc119_backup",
        var other => throw new AssertionException($"unknown sqlcmd variable $({other})"),
    });

    private static List<string> ParseErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }

    [GeneratedRegex(@"\$\((\w+)\)")]
    private static partial Regex Variable();
}
