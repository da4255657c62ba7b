using Dapper;
using Dispatch.Api.Database;
using Dispatch.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dispatch.Data.Tests;

/// <summary>
/// Every statement rendered for <see cref="Sqlite"/> compiles against the migrated schema:
/// SQLite prepares <c>EXPLAIN</c> + the statement, which resolves every table, column and
/// function without running it.
/// </summary>
public sealed class SqliteSyntaxTests
{
    private static readonly string[] CoreTables =
        ["calls", "incidents", "units", "stations", "users", "responses", "incident_notes", "incident_log", "events", "access_log"];

    private TempSqliteFile _file = null!;

    [OneTimeSetUp]
    public void CreateSchema()
    {
        _file = new TempSqliteFile();
        Sqlite.Instance.Migrate(_file.ConnectionString);
    }

    [OneTimeTearDown]
    public void DeleteSchema() => _file.Dispose();

    [Test]
    public async Task Migration_creates_every_table()
    {
        await using var connection = await Sqlite.Instance.OpenAsync(_file.ConnectionString, CancellationToken.None);
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.That(tables, Is.SupersetOf(CoreTables));
    }

    [TestCaseSource(typeof(SqlStatements), nameof(SqlStatements.Cases))]
    public async Task Statement_compiles_on_SQLite(SqlText statement)
    {
        var sql = SqlStatements.AsSent(statement.For(Sqlite.Instance));
        await using var connection = await Sqlite.Instance.OpenAsync(_file.ConnectionString, CancellationToken.None);
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.CommandText = "EXPLAIN " + sql;
        // Microsoft.Data.Sqlite refuses to run with unbound parameters; EXPLAIN never reads their values.
        foreach (var name in SqlStatements.Parameters(sql)) command.Parameters.AddWithValue(name, DBNull.Value);

        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { /* the plan itself is not checked */ }
        }
        catch (SqliteException error)
        {
            Assert.Fail($"{statement.Name} does not compile on SQLite: {error.Message}{Environment.NewLine}{sql}");
        }
    }
}
