using Microsoft.Data.SqlClient;

namespace Dispatch.Tests.Shared;

/// <summary>
/// A throw-away database on the SQL Server named by PSC119_TEST_SQLSERVER (a connection string
/// with the right to create databases). The app's migration creates the database (DbUp's
/// EnsureDatabase); <see cref="DisposeAsync"/> drops it, ending whatever connections are open.
/// </summary>
public sealed class TestSqlServer : IAsyncDisposable
{
    public const string Variable = "PSC119_TEST_SQLSERVER";

    private readonly SqlConnectionStringBuilder _database;

    private TestSqlServer(string server) =>
        _database = new SqlConnectionStringBuilder(server) { InitialCatalog = $"psc119_test_{Guid.NewGuid():n}" };

    /// <summary>A new database name on the server; ignores the calling test when no server is configured.</summary>
    public static TestSqlServer CreateOrIgnore()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server)) Assert.Ignore($"{Variable} is not set: SQL Server tests need a server");
        return new TestSqlServer(server);
    }

    public string ConnectionString => _database.ConnectionString;

    public async ValueTask DisposeAsync()
    {
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
        drop.Parameters.AddWithValue("@name", _database.InitialCatalog);
        await drop.ExecuteNonQueryAsync();
    }
}
