using System.Net;
using System.Net.Http.Json;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>
/// deploy/backup-sqlite.sh against the running app: an online copy that is whole, consistent,
/// checked and encrypted to an age recipient; deploy/verify-backup-sqlite.sh decrypts it with the
/// private key, checks it again and restores it.
/// </summary>
public sealed class BackupSqliteTests : ApiTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "psc119-backups", Guid.NewGuid().ToString("n"));

    [TearDown]
    public void RemoveBackups()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_backup_taken_while_calls_arrive_holds_every_earlier_call_and_is_consistent()
    {
        DeployTools.Require("sqlite3");
        DeployTools.Require("age");
        var earlier = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            earlier.Add($"backup-{i}-{Guid.NewGuid():n}");
            await Api.IngestAsync(earlier[^1]);
        }

        // Calls keep arriving while the script runs: the copy must still be one moment in time.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => IngestUntilAsync(stop.Token));
        var (code, output) = await RunScriptAsync(App.DatabasePath);
        await stop.CancelAsync();
        var writtenMeanwhile = await writer;

        Assert.That(code, Is.Zero, output);
        var backup = Directory.GetFiles(_folder, "psc119-*").Single();
        Assert.That(backup, Does.EndWith(".db.age"));
        Assert.That(Directory.GetFiles(_folder, "*.partial", SearchOption.AllDirectories), Is.Empty, "no clear copy is left");
        var head = new byte[64];
        await using (var sealedFile = File.OpenRead(backup)) await sealedFile.ReadExactlyAsync(head);
        Assert.That(System.Text.Encoding.ASCII.GetString(head), Does.StartWith("age-encryption.org/v1").And.Not.Contains("SQLite format"));

        // The restore check: decrypt with the private key, check again, restore to a new file.
        var restored = Path.Combine(_folder, "restored", "psc119.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        var (verifyCode, verified) = await DeployTools.RunAsync(DeployTools.Require("bash"),
            [DeployTools.DeployFile("verify-backup-sqlite.sh"), backup, IdentityFile, restored], TimeSpan.FromMinutes(2));
        Assert.That(verifyCode, Is.Zero, verified);
        using var copy = new SqliteConnection($"Data Source={restored};Mode=ReadOnly;Pooling=False");
        copy.Open();
        var stored = Strings(copy, "SELECT external_id FROM calls");
        var calls = Scalar(copy, "SELECT COUNT(*) FROM calls");
        Assert.Multiple(() =>
        {
            Assert.That(writtenMeanwhile, Is.Positive, "calls were ingested while the backup ran");
            Assert.That(output, Does.Contain($"backup {backup}").And.Contain("integrity_check ok").And.Contain($"calls {calls}"));
            Assert.That(verified, Does.Contain($"verified {backup}").And.Contain("integrity_check ok").And.Contain($"calls {calls}"));
            Assert.That(Strings(copy, "PRAGMA integrity_check"), Is.EqualTo(new[] { "ok" }));
            Assert.That(stored, Is.SupersetOf(earlier));
            // Each call is stored with its log entry and its event in one transaction: the copy has all three or none.
            Assert.That(Scalar(copy, "SELECT COUNT(*) FROM events WHERE type = 'CallReceived'"), Is.EqualTo(calls));
            Assert.That(Scalar(copy, "SELECT COUNT(*) FROM incident_log WHERE action = 'call.received'"), Is.EqualTo(calls));
            Assert.That(Scalar(copy, "SELECT COUNT(*) FROM users"), Is.Positive);
        });
    }

    [Test]
    public async Task Without_a_recipient_nothing_is_written()
    {
        DeployTools.Require("sqlite3");
        DeployTools.Require("age");
        var (code, output) = await DeployTools.RunAsync(DeployTools.Require("bash"), [DeployTools.DeployFile("backup-sqlite.sh"), App.DatabasePath, _folder],
            TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["BACKUP_RECIPIENT"] = "", ["BACKUP_RECIPIENTS_FILE"] = "" });
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero, output);
            Assert.That(output, Does.Contain("no recipient"));
            Assert.That(Directory.Exists(_folder) ? Directory.GetFiles(_folder, "*", SearchOption.AllDirectories) : [], Is.Empty);
        });
    }

    [Test]
    public async Task A_backup_cannot_be_read_with_another_key()
    {
        DeployTools.Require("sqlite3");
        DeployTools.Require("age");
        var (code, output) = await RunScriptAsync(App.DatabasePath);
        Assert.That(code, Is.Zero, output);
        var backup = Directory.GetFiles(_folder, "psc119-*.db.age").Single();
        var other = Path.Combine(_folder, "other-key.txt");
        await DeployTools.RunAsync(DeployTools.Require("age-keygen"), ["-o", other]);

        var (verifyCode, verified) = await DeployTools.RunAsync(DeployTools.Require("bash"), [DeployTools.DeployFile("verify-backup-sqlite.sh"), backup, other]);
        Assert.That(verifyCode, Is.Not.Zero, verified);
        Assert.That(verified, Does.Contain("cannot decrypt"));
    }

    [Test]
    public async Task A_file_that_is_not_a_database_fails_and_leaves_no_backup()
    {
        DeployTools.Require("sqlite3");
        DeployTools.Require("age");
        Directory.CreateDirectory(_folder);
        var broken = Path.Combine(_folder, "broken.db");
        await File.WriteAllTextAsync(broken, "this is not an SQLite database, but it is long enough to be taken for one by a careless script");

        var (code, output) = await RunScriptAsync(broken);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero, output);
            Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { "broken.db" }).Or.EquivalentTo(new[] { "broken.db", "identity.txt" }),
                "no backup and no partial copy is left");
        });
    }

    private string IdentityFile => Path.Combine(_folder, "identity.txt");

    /// <summary>Runs the backup with a fresh age key pair: the public key as recipient, the private one kept for the restore check.</summary>
    private async Task<(int Code, string Output)> RunScriptAsync(string database)
    {
        Directory.CreateDirectory(_folder);
        if (!File.Exists(IdentityFile))
        {
            var (keygen, made) = await DeployTools.RunAsync(DeployTools.Require("age-keygen"), ["-o", IdentityFile]);
            Assert.That(keygen, Is.Zero, made);
        }
        var (_, recipient) = await DeployTools.RunAsync(DeployTools.Require("age-keygen"), ["-y", IdentityFile]);
        var recipients = Path.Combine(_folder, "recipients.txt");
        await File.WriteAllTextAsync(recipients, recipient);
        try
        {
            return await DeployTools.RunAsync(DeployTools.Require("bash"), [DeployTools.DeployFile("backup-sqlite.sh"), database, _folder], TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["BACKUP_RECIPIENTS_FILE"] = recipients });
        }
        finally
        {
            File.Delete(recipients);
        }
    }

    private async Task<int> IngestUntilAsync(CancellationToken stop)
    {
        using var client = Api.Telephony();
        var stored = 0;
        while (!stop.IsCancellationRequested)
        {
            var response = await client.PostAsJsonAsync("/api/calls", new
            {
                externalId = "during-" + Guid.NewGuid().ToString("n"),
                callerNumber = "081234567890",
                receivedAt = "2026-11-23T14:05:00+07:00",
                source = "line119",
            }, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.Created) stored++;
            await Task.Delay(5, CancellationToken.None);
        }
        return stored;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
