using System.Data.Common;
using DbUp;
using Microsoft.Data.SqlClient;

namespace Dispatch.Api.Database;

/// <summary>The production database, through Microsoft.Data.SqlClient.</summary>
public sealed class SqlServer : SqlDialect
{
    public static readonly SqlServer Instance = new();

    // Errors SqlClient reports for faults that pass: deadlock victim, timeouts, lost
    // connections, Azure SQL throttling and failover (the list Microsoft documents for retries).
    private static readonly HashSet<int> TransientNumbers =
        [-2, 20, 64, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109, 49918, 49919, 49920];

    public override string Name => "sqlserver";

    public override string InsertSelectReturning(string table, string columns, string select, string returning) =>
        $"INSERT INTO {table} ({columns}) OUTPUT {string.Join(", ", returning.Split(',').Select(c => "INSERTED." + c.Trim()))} {select}";

    public override string Limit(string parameter) => $" OFFSET 0 ROWS FETCH NEXT {parameter} ROWS ONLY";

    public override string Page(string skip, string take) => $" OFFSET {skip} ROWS FETCH NEXT {take} ROWS ONLY";

    // Held until the transaction ends; writers that emit events queue here for milliseconds.
    // sp_getapplock answers a timeout with a negative result, not an error: without the THROW the
    // write would go on unlocked and its sequence number could commit out of order.
    public override string EventOrderLock =>
        "DECLARE @order_lock INT; " +
        "EXEC @order_lock = sp_getapplock @Resource = N'psc119.events', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 10000; " +
        "IF @order_lock < 0 THROW 51000, 'The event order lock was not granted within 10 s.', 1;";

    public override string AccessLogLock =>
        "DECLARE @access_lock INT; " +
        "EXEC @access_lock = sp_getapplock @Resource = N'psc119.access', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 10000; " +
        "IF @access_lock < 0 THROW 51000, 'The access log lock was not granted within 10 s.', 1;";

    // SQL Server sorts the values from ix_incidents_report itself; no hint.
    public override string JoinText(string expression, string separator, string orderBy) =>
        $"STRING_AGG({expression}, {separator}) WITHIN GROUP (ORDER BY {orderBy})";

    public override string IncidentsVia(string index) => "incidents i";

    public override async Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public override bool IsUniqueViolation(Exception error) =>
        error is SqlException { Number: 2601 or 2627 };

    public override bool IsTransient(Exception error) => error switch
    {
        SqlException e => e.Errors.Cast<SqlError>().Any(x => TransientNumbers.Contains(x.Number)),
        TimeoutException => true,
        _ => false,
    };

    public override IReadOnlyList<string> Migrate(string connectionString)
    {
        EnsureDatabase.For.SqlDatabase(connectionString);
        return Migrations.Run(DeployChanges.To.SqlDatabase(connectionString), "SqlServer");
    }
}
