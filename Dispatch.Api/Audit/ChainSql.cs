using Dispatch.Api.Database;

namespace Dispatch.Api.Audit;

/// <summary>
/// The incident log's INSERT for a database that links the row itself (PostgreSQL): the row's MAC
/// comes from this process (<see cref="LogChain.RowMac"/>: the key never reaches the database, not
/// even in a statement log), the database adds the unkeyed link with its built-in <c>sha256()</c>,
/// reading the previous hash in the INSERT, whose snapshot is taken after the lock statement before it.
/// </summary>
public static class ChainSql
{
    // The previous hash (hex, so ASCII) as LogChain writes a text value: 0x02, 4-byte length, bytes; 0x00 when there is none.
    private const string Previous =
        "CASE WHEN head.prev IS NULL THEN '\\x00'::bytea ELSE '\\x02'::bytea || int4send(octet_length(convert_to(head.prev, 'UTF8'))) || convert_to(head.prev, 'UTF8') END";

    /// <summary>
    /// The INSERT of one incident_log row with its hash computed in the statement; <c>@RowMac</c> is
    /// <see cref="LogChain.RowMac"/> of the very parameters inserted.
    /// </summary>
    public static string InsertIncidentLog()
    {
        var table = ChainedTable.IncidentLog;
        var values = table.Columns.Select(c => c.Text ? $"CAST(@{c.Parameter} AS TEXT)" : $"CAST(@{c.Parameter} AS BIGINT)");
        return $"INSERT INTO {table.Name} ({table.ColumnList}, hash) " +
               $"SELECT {string.Join(", ", values)}, encode(sha256({Previous} || CAST(@RowMac AS BYTEA)), 'hex') " +
               $"FROM (SELECT (SELECT hash FROM {table.Name} ORDER BY id DESC LIMIT 1) AS prev) AS head";
    }
}
