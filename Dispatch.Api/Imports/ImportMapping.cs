namespace Dispatch.Api.Imports;

/// <summary>
/// How to read a history CSV (README "Reports, exports and history import"):
/// <c>columns</c> maps a CSV header to a field, or to one part of a time field (<c>"callReceived.date"</c>,
/// <c>"callReceived.time"</c>) when the date and the time are in two columns; <c>timeFormat</c> and
/// <c>timeZone</c> hold for every time column, <c>timeFormats</c> overrides them per column;
/// <c>values</c> maps a field's file values to what the import understands
/// (<c>{ "triage": { "Code 3": "merah" } }</c>) before the normal parsing. Unmapped columns are ignored.
/// </summary>
public sealed record ImportMapping(
    Dictionary<string, string>? Columns,
    string? TimeFormat,
    string? TimeZone,
    Dictionary<string, ColumnTime>? TimeFormats = null,
    Dictionary<string, Dictionary<string, string>>? Values = null)
{
    public const string DatePart = ".date", TimePart = ".time";

    public static readonly string[] TimeFields =
    [
        "callReceived", "callAnswered", "incidentCreated", "unitNotified", "unitAcknowledged", "enRoute", "onScene",
        "leftScene", "atDestination", "handover", "backInService", "closed",
    ];

    /// <summary>Fields whose file values can be mapped with <see cref="Values"/>.</summary>
    public static readonly string[] ValueFields = ["triage", "unit", "source", "category"];

    public static readonly string[] Fields = [.. TimeFields.Take(1).Prepend("externalId"), .. TimeFields.Skip(1), "triage", "lat", "lon", "unit", "complaint", "category", "source"];

    /// <summary>Problems with the mapping itself (before any row is read).</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Columns is null || Columns.Count == 0) { yield return ("mapping.columns", "'columns' maps CSV headers to fields."); yield break; }
        foreach (var (header, field) in Columns)
            if (!Fields.Contains(field) && !IsTimePart(field))
                yield return ("mapping.columns", $"Column '{header}' maps to unknown field '{field}'. Fields: {string.Join(", ", Fields)} (a time field also as <field>.date and <field>.time).");
        foreach (var duplicate in Columns.Values.GroupBy(f => f).Where(g => g.Count() > 1))
            yield return ("mapping.columns", $"Field '{duplicate.Key}' is mapped from more than one column.");
        if (!Columns.ContainsValue("externalId")) yield return ("mapping.columns", "Field 'externalId' must be mapped.");
        if (!Columns.ContainsValue("callReceived") && !(Columns.ContainsValue("callReceived" + DatePart) && Columns.ContainsValue("callReceived" + TimePart)))
            yield return ("mapping.columns", "Field 'callReceived' must be mapped (or both callReceived.date and callReceived.time).");
        foreach (var field in TimeFields)
        {
            var (whole, date, time) = (Columns.ContainsValue(field), Columns.ContainsValue(field + DatePart), Columns.ContainsValue(field + TimePart));
            if (whole && (date || time)) yield return ("mapping.columns", $"Field '{field}' is mapped both whole and in parts.");
            if (date && !time) yield return ("mapping.columns", $"'{field}.date' needs '{field}.time'.");
        }
        foreach (var zone in TimeFormats?.Values.Select(t => t.TimeZone).Prepend(TimeZone).OfType<string>() ?? [])
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                yield return ("mapping.timeZone", $"Unknown time zone '{zone}' (use an IANA name such as Asia/Jakarta).");
        foreach (var header in TimeFormats?.Keys.Where(h => !Columns.ContainsKey(h)) ?? [])
            yield return ("mapping.timeFormats", $"'timeFormats' names column '{header}', which 'columns' does not map.");
        foreach (var field in Values?.Keys.Where(f => !ValueFields.Contains(f)) ?? [])
            yield return ("mapping.values", $"Values of '{field}' cannot be mapped; fields with value maps: {string.Join(", ", ValueFields)}.");
    }

    public static bool IsTimePart(string field) =>
        (field.EndsWith(DatePart, StringComparison.Ordinal) || field.EndsWith(TimePart, StringComparison.Ordinal)) && TimeFields.Contains(field[..^5]);

    /// <summary>The time zone of a column: its own, else the mapping's, else WIB.</summary>
    public TimeZoneInfo ZoneOf(string? header) =>
        TimeZoneInfo.FindSystemTimeZoneById((header is null ? null : TimeFormats?.GetValueOrDefault(header)?.TimeZone) ?? TimeZone ?? "Asia/Jakarta");

    /// <summary>The format of a column: its own, else the mapping's (whole times only).</summary>
    public string? FormatOf(string header, bool whole) => TimeFormats?.GetValueOrDefault(header)?.Format ?? (whole ? TimeFormat : null);
}

/// <summary>One column's own time format (a .NET format, or "iso") and IANA time zone.</summary>
public sealed record ColumnTime(string? Format, string? TimeZone);
