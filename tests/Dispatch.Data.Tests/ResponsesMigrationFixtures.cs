using Dispatch.Data.Tests.Infrastructure;
using Dispatch.Tests.Shared;

namespace Dispatch.Data.Tests;

/// <summary>Migration 0010 on a fresh SQLite file, deleted afterwards.</summary>
[TestFixture]
public sealed class SqliteResponsesMigration : ResponsesMigrationContract
{
    private TempSqliteFile? _file;

    protected override string Provider => "sqlite";

    protected override string CreateDatabase()
    {
        _file = new TempSqliteFile();
        return _file.ConnectionString;
    }

    protected override Task DropDatabaseAsync()
    {
        _file?.Dispose();
        _file = null;
        return Task.CompletedTask;
    }
}

/// <summary>Migration 0010 on its own PostgreSQL database (PSC119_TEST_POSTGRES), dropped afterwards.</summary>
[TestFixture]
public sealed class PostgresResponsesMigration : ResponsesMigrationContract
{
    private TestPostgres? _database;

    protected override string Provider => "postgres";

    protected override string CreateDatabase()
    {
        _database = TestPostgres.CreateOrIgnore();
        return _database.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        _database = null;
    }
}

/// <summary>Migration 0010 on its own SQL Server database (PSC119_TEST_SQLSERVER), dropped afterwards.</summary>
[TestFixture]
public sealed class SqlServerResponsesMigration : ResponsesMigrationContract
{
    private TestSqlServer? _database;

    protected override string Provider => "sqlserver";

    protected override string CreateDatabase()
    {
        _database = TestSqlServer.CreateOrIgnore();
        return _database.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is null) return;
        await _database.DisposeAsync();
        _database = null;
    }
}
