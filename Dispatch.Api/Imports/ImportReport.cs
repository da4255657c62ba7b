namespace Dispatch.Api.Imports;

/// <summary>What an import did (or, on a dry run, would do).</summary>
public sealed record ImportReport(int Rows, int Imported, int Skipped, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<ImportedRow> Preview, bool DryRun);

/// <summary>
/// A row that was not imported, with its line in the file (the header is line 1): <see cref="Reason"/>
/// in English for people and logs; <see cref="Code"/> (missing, too-long, bad-time, bad-triage, bad-position, unknown-unit, unknown-source,
/// duplicate-in-file, column-not-in-file), the import <see cref="Field"/> and the file's
/// <see cref="Value"/> for pages that say it in their own language.
/// </summary>
public sealed record RejectedRow(int Line, string? ExternalId, string Reason, string Code, string? Field, string? Value)
{
    public static RejectedRow Of(int line, string? externalId, Rejection why) => new(line, externalId, why.Reason, why.Code, why.Field, why.Value);
}

/// <summary>Why a row is refused: a stable code, the English reason, and the field and value at fault.</summary>
public sealed record Rejection(string Code, string Reason, string? Field = null, string? Value = null);

/// <summary>A row as it will be stored (the preview shows the first few).</summary>
public sealed record ImportedRow(
    int Line, string ExternalId, string Source, DateTimeOffset CallReceived, string? Triage, double Lat, double Lon, string? Unit,
    IReadOnlyDictionary<string, DateTimeOffset> TimePoints);
