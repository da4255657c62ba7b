using Dispatch.Tests.Shared;

namespace Dispatch.Data.Tests;

/// <summary>
/// The store contract on PostgreSQL (PSC119_TEST_POSTGRES, set by ./test.sh). Each run migrates
/// its own uniquely named database (the app creates it) and drops it afterwards.
/// </summary>
[TestFixture]
public sealed class PostgresStoreContract : StoreContract
{
    private TestPostgres? _database;

    protected override string Provider => "postgres";

    protected override string MigrationFolder => "Postgres";

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
