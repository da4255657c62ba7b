using Dispatch.Data.Tests.Infrastructure;

namespace Dispatch.Data.Tests;

/// <summary>The store contract on the embedded default: a fresh SQLite file, deleted afterwards.</summary>
[TestFixture]
public sealed class SqliteStoreContract : StoreContract
{
    private TempSqliteFile? _file;

    protected override string Provider => "sqlite";

    protected override string MigrationFolder => "Sqlite";

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
