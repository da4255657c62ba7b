using Dispatch.Api.Database;
using Dispatch.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dispatch.Data.Tests;

/// <summary>The "database" pipeline retries transient faults only, re-running the whole transaction.</summary>
public sealed class ResiliencePipelineTests
{
    private TempSqliteFile _file = null!;
    private TestDatabase _db = null!;

    [SetUp]
    public void Create()
    {
        _file = new TempSqliteFile();
        _db = TestDatabase.Create("sqlite", _file.ConnectionString);
        _db.Migrate();
    }

    [TearDown]
    public async Task Remove()
    {
        await _db.DisposeAsync();
        _file.Dispose();
    }

    [TestCase(5)] // SQLITE_BUSY
    [TestCase(6)] // SQLITE_LOCKED
    public async Task A_busy_database_is_retried_until_the_write_succeeds(int sqliteError)
    {
        var attempts = 0;
        var result = await _db.Db.WriteAsync("test", _ =>
        {
            if (++attempts < 3) throw new SqliteException("database is locked", sqliteError);
            return Task.FromResult("done");
        }, CancellationToken.None);
        Assert.That(result, Is.EqualTo("done"));
        Assert.That(attempts, Is.EqualTo(3));
    }

    [Test]
    public void A_constraint_violation_is_not_retried()
    {
        var attempts = 0;
        Assert.That(() => _db.Db.WriteAsync<int>("test", _ =>
        {
            attempts++;
            throw new SqliteException("UNIQUE constraint failed", 19, 2067);
        }, CancellationToken.None), Throws.InstanceOf<SqliteException>());
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public void A_rule_refusal_is_not_retried()
    {
        var attempts = 0;
        Assert.That(() => _db.Db.WriteAsync<int>("test", _ =>
        {
            attempts++;
            throw new Dispatch.Core.Common.RuleViolation("illegal-transition", "no");
        }, CancellationToken.None), Throws.InstanceOf<Dispatch.Core.Common.RuleViolation>());
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public void A_fault_that_never_passes_gives_up_after_the_configured_attempts()
    {
        var attempts = 0;
        Assert.That(() => _db.Db.WriteAsync<int>("test", _ =>
        {
            attempts++;
            throw new SqliteException("database is locked", 5);
        }, CancellationToken.None), Throws.InstanceOf<SqliteException>());
        Assert.That(attempts, Is.EqualTo(1 + new DatabaseOptions().RetryAttempts), "one try and the configured retries");
    }

    [Test]
    public void The_sql_server_dialect_treats_timeouts_as_transient_and_unique_keys_as_not() =>
        Assert.Multiple(() =>
        {
            Assert.That(SqlServer.Instance.IsTransient(new TimeoutException()), Is.True);
            Assert.That(SqlServer.Instance.IsTransient(new InvalidOperationException()), Is.False);
            Assert.That(Sqlite.Instance.IsTransient(new SqliteException("constraint", 19)), Is.False);
        });
}
