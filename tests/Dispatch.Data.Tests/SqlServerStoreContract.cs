using Dispatch.Tests.Shared;

namespace Dispatch.Data.Tests;

/// <summary>
/// The store contract on SQL Server. Needs a server: set PSC119_TEST_SQLSERVER to a connection
/// string with rights to create databases (e.g. <c>Server=localhost;User Id=sa;Password=...;TrustServerCertificate=true</c>).
/// Each run creates its own uniquely named database (DbUp's EnsureDatabase) and drops it afterwards
/// (<see cref="TestSqlServer"/>, shared with the API tests).
/// </summary>
[TestFixture]
public sealed class SqlServerStoreContract : StoreContract
{
    private TestSqlServer? _database;

    protected override string Provider => "sqlserver";

    protected override string MigrationFolder => "SqlServer";

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
