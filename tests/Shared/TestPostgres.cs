using Npgsql;

namespace Dispatch.Tests.Shared;

/// <summary>
/// A throw-away database on the PostgreSQL server named by PSC119_TEST_POSTGRES (an Npgsql
/// connection string with the right to create databases; ./test.sh starts such a server). The
/// name is unique per instance; the app's migration creates the database, <see cref="DisposeAsync"/>
/// drops it, closing whatever connections are still open (other processes' too).
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "PSC119_TEST_POSTGRES";

    private readonly NpgsqlConnectionStringBuilder _database;

    private TestPostgres(string server) =>
        _database = new NpgsqlConnectionStringBuilder(server) { Database = $"psc119_test_{Guid.NewGuid():n}" };

    /// <summary>The server's connection string, or null when the variable is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A new database name on the server; ignores the calling test when no server is configured.</summary>
    public static TestPostgres CreateOrIgnore()
    {
        var server = Server;
        if (server is null) Assert.Ignore($"{Variable} is not set: PostgreSQL tests need a server (./test.sh starts one)");
        return new TestPostgres(server);
    }

    public string Name => _database.Database!;

    public string ConnectionString => _database.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        // The name is ours (a GUID), never input.
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}
