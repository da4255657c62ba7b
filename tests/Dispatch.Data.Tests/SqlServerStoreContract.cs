using Microsoft.Data.SqlClient;

namespace Dispatch.Data.Tests;

/// <summary>
/// The store contract on SQL Server. Needs a server: set PSC119_TEST_SQLSERVER to a connection
/// string with rights to create databases (e.g. <c>Server=localhost;User Id=sa;Password=...;TrustServerCertificate=true</c>).
/// Each run creates its own uniquely named database (DbUp's EnsureDatabase) and drops it afterwards.
/// </summary>
[TestFixture]
public sealed class SqlServerStoreContract : StoreContract
{
    public const string Variable = "PSC119_TEST_SQLSERVER";

    private SqlConnectionStringBuilder? _database;

    protected override string Provider => "sqlserver";

    protected override string MigrationFolder => "SqlServer";

    protected override string CreateDatabase()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
            Assert.Ignore("PSC119_TEST_SQLSERVER is not set: SQL Server store tests need a server");
        _database = new SqlConnectionStringBuilder(server) { InitialCatalog = $"psc119_test_{Guid.NewGuid():n}" };
        return _database.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is null) return;
        var name = _database.InitialCatalog;
        SqlConnection.ClearAllPools();
        var master = new SqlConnectionStringBuilder(_database.ConnectionString) { InitialCatalog = "master" };
        await using var connection = new SqlConnection(master.ConnectionString);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        // The name is ours (a GUID), not input; QUOTENAME guards it anyway.
        drop.CommandText =
            "IF DB_ID(@name) IS NOT NULL BEGIN " +
            "DECLARE @sql nvarchar(max) = N'ALTER DATABASE ' + QUOTENAME(@name) + N' SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ' + QUOTENAME(@name) + N';'; " +
            "EXEC sp_executesql @sql; END";
        drop.Parameters.AddWithValue("@name", name);
        await drop.ExecuteNonQueryAsync();
        _database = null;
    }
}
