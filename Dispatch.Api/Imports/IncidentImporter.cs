using System.Globalization;
using System.IO.Hashing;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Dispatch.Api.Database;
using Dispatch.Api.Units;
using Dispatch.Core.Geography;

namespace Dispatch.Api.Imports;

/// <summary>
/// Imports past incidents from a spreadsheet export, streaming: it parses <see cref="Batch"/> rows,
/// asks the database in one query which of their ids were imported before (those are skipped),
/// writes the rest in one transaction, and keeps only counters, the first rows and the first
/// rejections (<see cref="ImportTally"/>), so memory does not grow with the file.
/// Duplicates within the file are found with a set of 64-bit hashes of the ids (8 bytes a row
/// rather than the id itself): a repeated hash is checked exactly against the batch and the
/// database, where the earlier row now is. On a dry run nothing is written, so a repeated hash
/// counts as a duplicate (a false one only for two distinct ids with the same 64-bit hash).
/// </summary>
public sealed class IncidentImporter(Db db, ImportStore store, UnitStore units, AreaResolver areas)
{
    /// <summary>The largest upload the endpoint takes (about 1,000,000 rows of a typical export).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;
    public const int Batch = 500;

    public async Task<ImportReport> ImportAsync(Stream csv, ImportMapping mapping, string actor, bool dryRun, CancellationToken ct,
        Action<ImportProgress>? progress = null)
    {
        var unitIds = (await db.ReadAsync(units.ListAsync, ct))
            .SelectMany(u => new[] { (u.CallSign, u.Id), (u.Plate, u.Id) })
            .GroupBy(x => x.Item1, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var tally = new ImportTally();

        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null });
        await parser.ReadAsync();
        parser.ReadHeader();
        var headers = (parser.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
        var absent = mapping.Columns!.Keys.Where(k => !headers.Contains(k)).ToList();
        foreach (var header in absent)
            tally.Reject(RejectedRow.Of(1, null, new("column-not-in-file", $"Mapped column '{header}' is not in the file's header.", Value: header)));
        if (absent.Count > 0) return tally.Report(dryRun);

        var rows = new RowParser(mapping, headers, unitIds, areas);
        var seen = new HashSet<ulong>();
        var batch = new List<(ParsedRow Row, bool Suspect)>(Batch);
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        string? Cell(int i) => parser.TryGetField<string>(i, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        while (await parser.ReadAsync())
        {
            tally.Rows++;
            var line = parser.Parser.Row;
            var (row, why) = rows.Parse(line, Cell, tally.Unknown);
            if (row is null) { tally.Reject(RejectedRow.Of(line, rows.ExternalIdOf(Cell), why!)); continue; }
            var suspect = !seen.Add(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(row.ExternalId)));
            if (!batchIds.Add(row.ExternalId)) { tally.Reject(Duplicate(row)); continue; }
            batch.Add((row, suspect));
            if (batch.Count < Batch) continue;
            await FlushAsync(batch, tally, actor, dryRun, ct);
            (batch, batchIds) = ([], new HashSet<string>(StringComparer.Ordinal));
            progress?.Invoke(tally.Progress);
        }
        await FlushAsync(batch, tally, actor, dryRun, ct);
        progress?.Invoke(tally.Progress);
        return tally.Report(dryRun);
    }

    private static RejectedRow Duplicate(ParsedRow row) =>
        RejectedRow.Of(row.Line, row.ExternalId, new("duplicate-in-file", "The same externalId appears earlier in this file.", "externalId", row.ExternalId));

    private enum Outcome { Imported, Skipped, Duplicate }

    /// <summary>One batch in one transaction (run again whole if the database asks for a retry).</summary>
    private async Task FlushAsync(List<(ParsedRow Row, bool Suspect)> batch, ImportTally tally, string actor, bool dryRun, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var outcomes = await db.WriteAsync(actor, async s =>
        {
            var existing = await store.ExistingAsync(s, batch.Select(b => b.Row.ExternalId));
            var result = new Outcome[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var (row, suspect) = batch[i];
                result[i] = suspect && (dryRun || existing.Contains(row.ExternalId)) ? Outcome.Duplicate
                    : existing.Contains(row.ExternalId) ? Outcome.Skipped : Outcome.Imported;
                if (result[i] == Outcome.Imported && !dryRun) await store.AddAsync(s, row);
            }
            return result;
        }, ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i].Row;
            if (outcomes[i] == Outcome.Duplicate) { tally.Reject(Duplicate(row)); continue; }
            tally.Keep(row);
            if (outcomes[i] == Outcome.Skipped) tally.Skipped++;
            else tally.Imported++;
        }
    }
}
