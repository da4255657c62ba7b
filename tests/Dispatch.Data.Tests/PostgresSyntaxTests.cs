using Dapper;
using Dispatch.Api.Database;
using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Tests.Shared;
using Npgsql;

namespace Dispatch.Data.Tests;

/// <summary>
/// Every statement rendered for <see cref="Postgres"/> is planned by PostgreSQL against the
/// migrated schema (<c>EXPLAIN</c>, which resolves every table, column, function and index
/// predicate without running it). Needs PSC119_TEST_POSTGRES.
/// </summary>
public sealed class PostgresSyntaxTests
{
    private static readonly string[] CoreTables =
        ["calls", "incidents", "units", "stations", "users", "responses", "incident_notes", "incident_log", "events", "access_log"];

    private TestPostgres? _database;

    [OneTimeSetUp]
    public void CreateSchema()
    {
        _database = TestPostgres.CreateOrIgnore();
        Postgres.Instance.Migrate(_database.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task DropSchema()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Test]
    public async Task Migration_creates_every_table()
    {
        await using var connection = await Postgres.Instance.OpenAsync(_database!.ConnectionString, CancellationToken.None);
        var tables = await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.That(tables, Is.SupersetOf(CoreTables));
    }

    [TestCaseSource(typeof(SqlStatements), nameof(SqlStatements.Cases))]
    public async Task Statement_plans_on_PostgreSQL(SqlText statement)
    {
        var sql = SqlStatements.AsSent(statement.For(Postgres.Instance));
        await using var connection = (NpgsqlConnection)await Postgres.Instance.OpenAsync(_database!.ConnectionString, CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            // A statement may be a short script (the event-order lock sets its timeout first): SET
            // runs as is inside the rolled-back transaction, everything else is only planned.
            foreach (var part in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await using var command = new NpgsqlCommand(part.StartsWith("SET ", StringComparison.OrdinalIgnoreCase) ? part : "EXPLAIN " + part, connection, transaction);
                // Untyped NULLs: PostgreSQL infers each parameter's type from where it is used.
                foreach (var name in SqlStatements.Parameters(part)) command.Parameters.Add(new NpgsqlParameter(name, DBNull.Value));
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { /* the plan itself is not checked */ }
            }
        }
        catch (PostgresException error)
        {
            Assert.Fail($"{statement.Name} does not plan on PostgreSQL: {error.MessageText} ({error.SqlState}){Environment.NewLine}{sql}");
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    [Test]
    public void A_broken_statement_fails_the_check()
    {
        // The negative control: the same route reports a wrong column, so a pass above means something.
        Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var connection = await Postgres.Instance.OpenAsync(_database!.ConnectionString, CancellationToken.None);
            await connection.ExecuteAsync("EXPLAIN SELECT no_such_column FROM calls");
        });
    }
}
