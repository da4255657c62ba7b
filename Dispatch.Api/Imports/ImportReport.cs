namespace Dispatch.Api.Imports;

/// <summary>What an import did (or, on a dry run, would do).</summary>
public sealed record ImportReport(int Rows, int Imported, int Skipped, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<ImportedRow> Preview, bool DryRun);

/// <summary>A row that was not imported, with its line in the file (the header is line 1).</summary>
public sealed record RejectedRow(int Line, string? ExternalId, string Reason);

/// <summary>A row as it will be stored (the preview shows the first few).</summary>
public sealed record ImportedRow(
    int Line, string ExternalId, string Source, DateTimeOffset CallReceived, string? Triage, double Lat, double Lon, string? Unit,
    IReadOnlyDictionary<string, DateTimeOffset> TimePoints);
