using Dispatch.Api.Database;

namespace Dispatch.Api.Audit;

/// <summary>
/// The incident log's INSERT for a database that chains the row itself (PostgreSQL): the same
/// canonical bytes as <see cref="LogChain"/>, hashed with the built-in <c>sha256()</c> as
/// HMAC = SHA256(K xor opad || SHA256(K xor ipad || message)). The pads come from this process as
/// parameters (the key itself never reaches the database, and nothing of it is stored there); the
/// previous hash is read by the INSERT, whose snapshot is taken after the lock statement before it.
/// </summary>
public static class ChainSql
{
    // The previous hash (hex, so ASCII) as LogChain writes a text value: 0x02, 4-byte length, bytes; 0x00 when there is none.
    private const string Previous =
        "CASE WHEN head.prev IS NULL THEN '\\x00'::bytea ELSE '\\x02'::bytea || int4send(octet_length(convert_to(head.prev, 'UTF8'))) || convert_to(head.prev, 'UTF8') END";

    /// <summary>
    /// The INSERT of one incident_log row with its hash computed in the statement; <c>@Row</c> is
    /// <see cref="LogChain.Columns"/> of the very parameters inserted, so the expression stays small.
    /// </summary>
    public static string InsertIncidentLog()
    {
        var table = ChainedTable.IncidentLog;
        var values = table.Columns.Select(c => c.Text ? $"CAST(@{c.Parameter} AS TEXT)" : $"CAST(@{c.Parameter} AS BIGINT)");
        return $"INSERT INTO {table.Name} ({table.ColumnList}, hash) " +
               $"SELECT {string.Join(", ", values)}, encode(sha256(CAST(@OuterPad AS BYTEA) || sha256(CAST(@InnerPad AS BYTEA) || {Previous} || CAST(@Row AS BYTEA))), 'hex') " +
               $"FROM (SELECT (SELECT hash FROM {table.Name} ORDER BY id DESC LIMIT 1) AS prev) AS head";
    }
}
