namespace Dispatch.Api.Imports;

/// <summary>
/// What an import did (or, on a dry run, would do). <see cref="Rejected"/> lists at most the first
/// <see cref="ImportTally.MaxRejectedListed"/> refused rows; <see cref="RejectedCount"/> counts them all.
/// <see cref="Flagged"/> counts kept rows per thing they lacked (triage, location, unit, source,
/// complaint, or a time field whose value was unreadable); <see cref="FlaggedRows"/> the rows with any.
/// <see cref="UnknownValues"/>: per field, the file values the import did not understand, most frequent
/// first (at most <see cref="ImportTally.MaxUnknownListed"/> per field), for the user to map.
/// </summary>
public sealed record ImportReport(
    int Rows, int Imported, int Skipped, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<ImportedRow> Preview, bool DryRun,
    int RejectedCount, int FlaggedRows, IReadOnlyDictionary<string, int> Flagged, IReadOnlyDictionary<string, IReadOnlyList<ValueCount>> UnknownValues);

/// <summary>A file value and how many rows had it.</summary>
public sealed record ValueCount(string Value, int Count);

/// <summary>An import's counts so far (a running job's progress).</summary>
public sealed record ImportProgress(int Rows, int Imported, int Skipped, int Flagged, int Rejected);

/// <summary>
/// A row that was not imported, with its line in the file (the header is line 1): <see cref="Reason"/>
/// in English for people and logs; <see cref="Code"/> (missing, too-long, bad-time, duplicate-in-file,
/// column-not-in-file), the import <see cref="Field"/> and the file's <see cref="Value"/> for pages that say it in their own language.
/// </summary>
public sealed record RejectedRow(int Line, string? ExternalId, string Reason, string Code, string? Field, string? Value)
{
    public static RejectedRow Of(int line, string? externalId, Rejection why) => new(line, externalId, why.Reason, why.Code, why.Field, why.Value);
}

/// <summary>Why a row is refused: a stable code, the English reason, and the field and value at fault.</summary>
public sealed record Rejection(string Code, string Reason, string? Field = null, string? Value = null);

/// <summary>A row as it will be stored (the preview shows the first few), with what it lacked.</summary>
public sealed record ImportedRow(
    int Line, string ExternalId, string Source, DateTimeOffset CallReceived, string? Triage, double? Lat, double? Lon, string? Unit,
    IReadOnlyDictionary<string, DateTimeOffset> TimePoints, IReadOnlyList<string> Missing)
{
    public static ImportedRow Of(ParsedRow r) => new(r.Line, r.ExternalId, r.Source, r.Times["callReceived"], r.Triage, r.Lat, r.Lon, r.UnitName, r.Times, r.Missing);
}
