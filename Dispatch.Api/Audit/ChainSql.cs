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
    private static string Integer(string value) =>
        $"CASE WHEN {value} IS NULL THEN '\\x00'::bytea ELSE '\\x01'::bytea || int8send({value}) END";

    private static string Text(string value) =>
        $"CASE WHEN {value} IS NULL THEN '\\x00'::bytea ELSE '\\x02'::bytea || int4send(octet_length(convert_to({value}, 'UTF8'))) || convert_to({value}, 'UTF8') END";

    /// <summary>The INSERT of one incident_log row with its hash computed in the statement.</summary>
    public static string InsertIncidentLog()
    {
        var table = ChainedTable.IncidentLog;
        var values = table.Columns.Select(c => c.Text ? $"CAST(@{c.Parameter} AS TEXT)" : $"CAST(@{c.Parameter} AS BIGINT)").ToList();
        var message = string.Join(" || ", [Text("head.prev"), .. table.Columns.Select((c, i) => c.Text ? Text(values[i]) : Integer(values[i]))]);
        return $"INSERT INTO {table.Name} ({table.ColumnList}, hash) " +
               $"SELECT {string.Join(", ", values)}, encode(sha256(CAST(@OuterPad AS BYTEA) || sha256(CAST(@InnerPad AS BYTEA) || {message})), 'hex') " +
               $"FROM (SELECT (SELECT hash FROM {table.Name} ORDER BY id DESC LIMIT 1) AS prev) AS head";
    }
}
