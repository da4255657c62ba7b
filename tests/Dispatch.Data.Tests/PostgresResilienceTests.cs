using Dispatch.Api.Database;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Tests.Shared;
using Npgsql;

namespace Dispatch.Data.Tests;

/// <summary>What the "database" pipeline retries on PostgreSQL: the faults that pass, and nothing else.</summary>
public sealed class PostgresResilienceTests
{
    [TestCase("40001", true, TestName = "serialization_failure is retried")]
    [TestCase("40P01", true, TestName = "deadlock_detected is retried")]
    [TestCase("08006", true, TestName = "connection_failure is retried")]
    [TestCase("08001", true, TestName = "sqlclient_unable_to_establish_sqlconnection is retried")]
    [TestCase("57P01", true, TestName = "admin_shutdown is retried")]
    [TestCase("57P03", true, TestName = "cannot_connect_now (server starting up) is retried")]
    [TestCase("53300", true, TestName = "too_many_connections is retried")]
    [TestCase("23505", false, TestName = "unique_violation is final")]
    [TestCase("23503", false, TestName = "foreign_key_violation is final")]
    [TestCase("P0001", false, TestName = "raise_exception (append-only log) is final")]
    [TestCase("42P01", false, TestName = "undefined_table is final")]
    [TestCase("55P03", false, TestName = "lock_not_available (event-order lock timeout) is final")]
    [TestCase("57014", false, TestName = "query_canceled is final")]
    public void A_server_error_is_retried_only_when_it_passes(string sqlState, bool transient) =>
        Assert.That(Postgres.Instance.IsTransient(new PostgresException("test", "ERROR", "ERROR", sqlState)), Is.EqualTo(transient));

    [Test]
    public void Client_side_faults_follow_Npgsql_and_other_errors_are_final() =>
        Assert.Multiple(() =>
        {
            Assert.That(Postgres.Instance.IsTransient(new NpgsqlException("read failed", new IOException("reset"))), Is.True, "broken socket");
            Assert.That(Postgres.Instance.IsTransient(new NpgsqlException("timeout", new TimeoutException())), Is.True, "timeout");
            Assert.That(Postgres.Instance.IsTransient(new NpgsqlException("protocol")), Is.False, "no cause given");
            Assert.That(Postgres.Instance.IsTransient(new InvalidOperationException()), Is.False);
            Assert.That(Postgres.Instance.IsTransient(new TimeoutException()), Is.False, "not from Npgsql");
        });

    [Test]
    public async Task A_connection_killed_by_the_server_mid_transaction_is_retried_as_a_whole()
    {
        await using var server = TestPostgres.CreateOrIgnore();
        var application = $"psc119-victim-{Guid.NewGuid():n}";
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = application }.ConnectionString;
        await using var db = TestDatabase.Create("postgres", connectionString);
        db.Migrate();
        var marker = Build.Unique("killed");
        var attempts = 0;

        await db.Db.WriteAsync("test", async s =>
        {
            s.Log(marker);
            if (++attempts == 1)
            {
                // An administrator (or a failover) ends the backend: the server sends 57P01 and closes the socket.
                await using var admin = new NpgsqlConnection(server.ConnectionString);
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @application AND pid <> pg_backend_pid()", admin);
                kill.Parameters.AddWithValue("application", application);
                await kill.ExecuteNonQueryAsync();
            }
            s.Log(marker);
            return 0;
        }, CancellationToken.None);

        Assert.That(attempts, Is.EqualTo(2), "one failed attempt, one retry");
        Assert.That(await db.ScalarAsync<long>("SELECT COUNT(*) FROM incident_log WHERE action = @marker", new { marker }), Is.EqualTo(2),
            "the killed attempt left nothing; the retry wrote both rows");
    }
}
