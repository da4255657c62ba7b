using System.Globalization;

namespace Dispatch.Api.Imports;

/// <summary>
/// How to read a history CSV: <c>{ "columns": { "&lt;csv header&gt;": "&lt;field&gt;" }, "timeFormat": "&lt;.NET format or iso&gt;", "timeZone": "&lt;IANA zone&gt;" }</c>.
/// Unmapped columns are ignored.
/// </summary>
public sealed record ImportMapping(Dictionary<string, string>? Columns, string? TimeFormat, string? TimeZone)
{
    public static readonly string[] Fields =
    [
        "externalId", "callReceived", "callAnswered", "incidentCreated", "unitNotified", "unitAcknowledged", "enRoute", "onScene",
        "leftScene", "atDestination", "handover", "backInService", "closed", "triage", "lat", "lon", "unit", "complaint", "category", "source",
    ];

    /// <summary>Problems with the mapping itself (before any row is read).</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Columns is null || Columns.Count == 0) { yield return ("mapping.columns", "'columns' maps CSV headers to fields."); yield break; }
        foreach (var (header, field) in Columns)
            if (!Fields.Contains(field)) yield return ("mapping.columns", $"Column '{header}' maps to unknown field '{field}'. Fields: {string.Join(", ", Fields)}.");
        foreach (var required in new[] { "externalId", "callReceived" })
            if (!Columns.ContainsValue(required)) yield return ("mapping.columns", $"Field '{required}' must be mapped.");
        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return ("mapping.timeZone", $"Unknown time zone '{TimeZone}' (use an IANA name such as Asia/Jakarta).");
    }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone ?? "Asia/Jakarta");

    /// <summary>A time in the file: ISO 8601 (an offset wins over the zone) or the given .NET format in the zone.</summary>
    public bool TryParseTime(string text, out DateTimeOffset value)
    {
        value = default;
        var iso = string.IsNullOrEmpty(TimeFormat) || TimeFormat.Equals("iso", StringComparison.OrdinalIgnoreCase);
        DateTime local;
        if (iso)
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out local)) return false;
            if (local.Kind != DateTimeKind.Unspecified)
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }
        else if (!DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            return false;
        }
        value = new DateTimeOffset(local, Zone.GetUtcOffset(local));
        return true;
    }
}
