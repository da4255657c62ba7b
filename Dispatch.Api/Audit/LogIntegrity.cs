using System.Data.Common;
using Dapper;
using Dispatch.Api.Database;
using Dispatch.Api.Privacy;

namespace Dispatch.Api.Audit;

/// <summary>
/// One chained table checked: rows read, rows whose hash does not match, the first of them, and the
/// chain's end (the last row's id and hash). A chain cannot show rows cut off at its end: a copy of
/// the end kept outside the server can (see deploy/personal-data.md).
/// </summary>
public sealed record TableIntegrity(string Table, long Rows, long Mismatches, long? FirstMismatch, long? LastId, string? LastHash);

/// <summary>
/// The answer of <c>GET /api/admin/log-integrity</c> and <c>verify-log</c>: <c>rows</c> checked in
/// all, <c>firstMismatch</c> the id of the first row that does not match (in <c>table</c>).
/// </summary>
public sealed record IntegrityReport(bool Ok, long Rows, long? FirstMismatch, string? Table, IReadOnlyList<TableIntegrity> Tables);

/// <summary>
/// Checks the hash chains (streaming: a million rows are never held), and chains once, at
/// start-up, the rows written before the chain existed.
/// </summary>
public sealed partial class LogIntegrity(Db db, LogChain chain, ILogger<LogIntegrity> logger)
{
    private const int LegacyBatch = 1000;

    private static readonly Dictionary<ChainedTable, (SqlText All, SqlText FirstUnchained, SqlText HashBefore, SqlText From, SqlText SetHash)> Sql =
        ChainedTable.All.ToDictionary(t => t, t => (
            SqlText.Of($"LogIntegrity.All.{t.Name}", $"SELECT id, {t.ColumnList}, hash FROM {t.Name} ORDER BY id"),
            SqlText.Of($"LogIntegrity.FirstUnchained.{t.Name}", $"SELECT MIN(id) FROM {t.Name} WHERE hash IS NULL"),
            SqlText.Of($"LogIntegrity.HashBefore.{t.Name}", d => $"SELECT hash FROM {t.Name} WHERE id < @Id ORDER BY id DESC" + d.Limit("1")),
            SqlText.Of($"LogIntegrity.From.{t.Name}", d => $"SELECT id, {t.ColumnList}, hash FROM {t.Name} WHERE id >= @Id ORDER BY id" + d.Limit("@Limit")),
            SqlText.Of($"LogIntegrity.SetHash.{t.Name}", $"UPDATE {t.Name} SET hash = @Hash, details = @Details WHERE id = @Id AND hash IS NULL")));

    public async Task<IntegrityReport> VerifyAsync(CancellationToken ct)
    {
        var tables = new List<TableIntegrity>();
        foreach (var table in ChainedTable.All) tables.Add(await VerifyAsync(table, ct));
        var first = tables.FirstOrDefault(t => t.FirstMismatch is not null);
        return new IntegrityReport(first is null, tables.Sum(t => t.Rows), first?.FirstMismatch, first?.Table, tables);
    }

    /// <summary>
    /// Each row against the stored hash of the row before it: a changed row fails alone, a deleted
    /// row makes the next one fail, and the check goes on past a mismatch to count them all.
    /// </summary>
    private Task<TableIntegrity> VerifyAsync(ChainedTable table, CancellationToken ct) => db.ReadAsync(async s =>
    {
        long rows = 0, mismatches = 0;
        long? first = null, last = null;
        string? previous = null;
        var values = new object?[table.Columns.Length];
        await s.StreamAsync(Sql[table].All, null, (DbDataReader r) =>
        {
            rows++;
            var stored = Read(r, table, values);
            if (stored is null || !string.Equals(stored, chain.Next(previous, values), StringComparison.Ordinal))
            {
                mismatches++;
                first ??= r.GetInt64(0);
            }
            previous = stored;
            last = r.GetInt64(0);
        });
        return new TableIntegrity(table.Name, rows, mismatches, first, last, previous);
    }, ct);

    /// <summary>Reads a row's chained columns into <paramref name="values"/> and returns its stored hash.</summary>
    private static string? Read(DbDataReader r, ChainedTable table, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            values[i] = r.IsDBNull(i + 1) ? null : table.Columns[i].Text ? r.GetString(i + 1) : r.GetInt64(i + 1);
        var hash = values.Length + 1;
        return r.IsDBNull(hash) ? null : r.GetString(hash);
    }

    /// <summary>Whether a migration script applied now is the one that created the chain (0013).</summary>
    public static bool CreatesTheChain(string script) => script.StartsWith("0013_", StringComparison.Ordinal);

    /// <summary>
    /// Gives the rows written before migration 0013 their hashes, in id order, a batch per
    /// transaction under the table's write lock. It runs once, in the start that applied 0013
    /// (several nodes starting at once: the one that migrated): a hash taken away later is a
    /// mismatch for good, so whoever can edit the database cannot have the app re-chain a row they
    /// changed. The personal values in those rows' details are sealed first, as new rows are, so an
    /// erasure reaches them too.
    /// </summary>
    public async Task ChainLegacyRowsAsync(CancellationToken ct)
    {
        foreach (var table in ChainedTable.All)
        {
            long total = 0;
            while (await ChainBatchAsync(table, ct) is var chained and > 0) total += chained;
            if (total > 0) LegacyRowsChained(logger, total, table.Name);
        }
    }

    private Task<int> ChainBatchAsync(ChainedTable table, CancellationToken ct) => db.WriteAsync("system", async s =>
    {
        var sql = Sql[table];
        if (table.Lock(s.Dialect) is not null) await s.ExecuteAsync(table.LockOnly);
        if (await s.SingleOrDefaultAsync<long?>(sql.FirstUnchained) is not { } first) return 0;
        var previous = await s.SingleOrDefaultAsync<string?>(sql.HashBefore, new { Id = first });
        var rows = new List<(long Id, object?[] Values, string? Hash)>();
        await s.StreamAsync(sql.From, new { Id = first, Limit = LegacyBatch }, (DbDataReader r) =>
        {
            var values = new object?[table.Columns.Length];
            var stored = Read(r, table, values);
            rows.Add((r.GetInt64(0), values, stored));
        });
        if (table == ChainedTable.IncidentLog) await SealAsync(s, rows.Where(r => r.Hash is null).Select(r => r.Values).ToList());
        var details = Array.FindIndex(table.Columns, c => c.Column == "details");
        var chained = 0;
        foreach (var (id, values, stored) in rows)
        {
            if (stored is not null) { previous = stored; continue; }
            previous = chain.Next(previous, values);
            await s.ExecuteAsync(sql.SetHash, new { Hash = previous, Details = values[details], Id = id });
            chained++;
        }
        return chained;
    }, ct);

    /// <summary>Seals, in place, the personal values of legacy incident_log rows (columns in <see cref="ChainedTable.Columns"/> order).</summary>
    private static async Task SealAsync(DbSession s, IReadOnlyList<object?[]> rows)
    {
        var columns = ChainedTable.IncidentLog.Columns;
        int Index(string name) => Array.FindIndex(columns, c => c.Column == name);
        var (details, incident, call) = (Index("details"), Index("incident_id"), Index("call_id"));
        var personal = rows
            .Select(r => (Row: r, Subject: PersonalFields.Subject((long?)r[incident], (long?)r[call])))
            .Where(x => x.Subject is not null && PersonalFields.MayHold(x.Row[details] as string))
            .ToList();
        if (personal.Count == 0) return;
        var keys = await SubjectKeys.FindOrCreateAsync(s, personal.Select(x => x.Subject!).Distinct().ToList());
        foreach (var (row, subject) in personal)
            if (PersonalFields.Seal((string)row[details]!, keys[subject!], subject!) is { } sealedDetails) row[details] = sealedDetails;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chained {Rows} rows of {Table} written before the hash chain existed.")]
    private static partial void LegacyRowsChained(ILogger logger, long rows, string table);
}
