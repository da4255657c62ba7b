namespace Dispatch.Api.Imports;

/// <summary>
/// What one import keeps while it streams, whatever the file's size: counters, the first preview
/// rows, the first rejected rows, and the counts of unknown values (at most
/// <see cref="MaxDistinctUnknown"/> distinct values per field; more are counted under the last).
/// </summary>
public sealed class ImportTally
{
    public const int PreviewRows = 5, MaxRejectedListed = 1000, MaxUnknownListed = 50, MaxDistinctUnknown = 10_000;

    private readonly List<RejectedRow> _rejected = [];
    private readonly List<ImportedRow> _preview = [];
    private readonly Dictionary<string, int> _flagged = [];
    private readonly Dictionary<string, Dictionary<string, int>> _unknown = [];

    public int Rows { get; set; }
    public int Imported { get; set; }
    public int Skipped { get; set; }
    public int Rejected { get; private set; }
    public int FlaggedRows { get; private set; }

    public void Reject(RejectedRow row)
    {
        Rejected++;
        if (_rejected.Count < MaxRejectedListed) _rejected.Add(row);
    }

    public void Keep(ParsedRow row)
    {
        if (_preview.Count < PreviewRows) _preview.Add(ImportedRow.Of(row));
        if (row.Missing.Count > 0) FlaggedRows++;
        foreach (var m in row.Missing) _flagged[m] = _flagged.GetValueOrDefault(m) + 1;
    }

    public void Unknown(string field, string value)
    {
        if (!_unknown.TryGetValue(field, out var counts)) _unknown[field] = counts = new(StringComparer.Ordinal);
        if (counts.Count >= MaxDistinctUnknown && !counts.ContainsKey(value)) value = "…";
        counts[value] = counts.GetValueOrDefault(value) + 1;
    }

    public ImportProgress Progress => new(Rows, Imported, Skipped, FlaggedRows, Rejected);

    public ImportReport Report(bool dryRun) => new(
        Rows, Imported, Skipped, [.. _rejected.OrderBy(r => r.Line)], _preview, dryRun, Rejected, FlaggedRows,
        _flagged.Where(f => f.Value > 0).ToDictionary(f => f.Key, f => f.Value),
        _unknown.ToDictionary(u => u.Key, u => (IReadOnlyList<ValueCount>)[.. u.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Take(MaxUnknownListed).Select(v => new ValueCount(v.Key, v.Value))]));
}
