using System.Globalization;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Imports;

/// <summary>A row kept for storing; <see cref="Missing"/> says what it lacked or what was unreadable (stored as NULL).</summary>
public sealed record ParsedRow(int Line, string ExternalId, string Source, string? Triage, string Category, double? Lat, double? Lon,
    string? Complaint, long? UnitId, string? UnitName, AreaMatch Area, Dictionary<string, DateTimeOffset> Times, IReadOnlyList<string> Missing);

/// <summary>
/// Reads the rows of one file with one mapping. Only a missing or too long externalId and a
/// missing or unreadable callReceived refuse a row: anything else it lacks or cannot read (triage,
/// position, unit, source, a later time point) is stored as NULL (or the default source) and
/// flagged, and a value the import does not know is reported so the user can map it.
/// </summary>
public sealed class RowParser
{
    // The stored id carries the import prefix and must fit calls.external_id.
    public static readonly int MaxExternalId = TextLimits.ExternalId - ImportStore.Key("").Length;

    private readonly Dictionary<string, int> _column = [];
    private readonly TimeReader[] _times;
    private readonly Dictionary<string, Dictionary<string, string>> _values = [];
    private readonly IReadOnlyDictionary<string, long> _units;
    private readonly AreaResolver _areas;

    public RowParser(ImportMapping mapping, string[] headers, IReadOnlyDictionary<string, long> units, AreaResolver areas)
    {
        (_units, _areas) = (units, areas);
        var columnOf = headers.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i);
        foreach (var (header, field) in mapping.Columns!)
            if (columnOf.TryGetValue(header, out var i)) _column[field] = i;
        _times = [.. ImportMapping.TimeFields.Select(f => new TimeReader(f, mapping, columnOf)).Where(t => t.Mapped)];
        foreach (var (field, map) in mapping.Values ?? [])
            _values[field] = map.GroupBy(m => m.Key.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The row's externalId as in the file, if the file has one.</summary>
    public string? ExternalIdOf(Func<int, string?> cell) => _column.TryGetValue("externalId", out var i) ? cell(i) : null;

    /// <summary>The row, or why it is refused; <paramref name="unknown"/> hears each (field, value) the import did not understand.</summary>
    public (ParsedRow? Row, Rejection? Why) Parse(int line, Func<int, string?> cell, Action<string, string> unknown)
    {
        string? Raw(string field) => _column.TryGetValue(field, out var i) ? cell(i) : null;
        string? Value(string field) => Raw(field) is { } v && _values.GetValueOrDefault(field)?.GetValueOrDefault(v) is { } mapped ? mapped : Raw(field);
        if (Raw("externalId") is not { } externalId) return (null, new("missing", "externalId is empty.", "externalId"));
        if (externalId.Length > MaxExternalId) return (null, new("too-long", $"externalId is longer than {MaxExternalId} characters.", "externalId"));

        var missing = new List<string>();
        var times = new Dictionary<string, DateTimeOffset>();
        DateTimeOffset? previous = null;
        foreach (var reader in _times)
        {
            var at = reader.Read(cell, times.TryGetValue("callReceived", out var c) ? c : null, previous, out var ok, out var text);
            if (reader.Field == "callReceived" && at is null)
                return (null, text is null ? new("missing", "callReceived is empty.", "callReceived")
                    : new("bad-time", $"callReceived '{text}' does not match the time format '{reader.Expected}'.", "callReceived", text));
            if (!ok) missing.Add(reader.Field);
            if (at is not { } time) continue;
            times[reader.Field] = time;
            previous = time;
        }

        Triage? triage = null;
        if (Value("triage") is not { } triageText) missing.Add("triage");
        else if (TryTriage(triageText, out var t)) triage = t;
        else { missing.Add("triage"); unknown("triage", Raw("triage")!); }

        var (lat, lon) = (Number(Raw("lat")), Number(Raw("lon")));
        if (lat is null || lon is null || !new GeoPoint(lat.Value, lon.Value).IsValid) { missing.Add("location"); (lat, lon) = (null, null); }

        long? unitId = null;
        var unit = Value("unit");
        if (unit is null) missing.Add("unit");
        else if (_units.TryGetValue(unit, out var id)) unitId = id;
        else { missing.Add("unit"); unknown("unit", Raw("unit")!); unit = null; }

        var source = CallSource.Line119;
        if (Value("source") is { } sourceText && !(Enum.TryParse(sourceText, ignoreCase: true, out source) && Enum.IsDefined(source) && !int.TryParse(sourceText, out _)))
        {
            source = CallSource.Line119;
            missing.Add("source");
            unknown("source", Raw("source")!);
        }
        var category = IncidentCategory.NonTrauma;
        if (Value("category") is { } categoryText)
        {
            if (categoryText.Replace("-", "").Replace(" ", "").ToLowerInvariant() is var c and ("trauma" or "nontrauma"))
                category = c == "trauma" ? IncidentCategory.Trauma : IncidentCategory.NonTrauma;
            else unknown("category", Raw("category")!);
        }
        var complaint = Raw("complaint");
        if (complaint is { Length: > TextLimits.Complaint }) { missing.Add("complaint"); complaint = complaint[..TextLimits.Complaint]; }

        return (new ParsedRow(line, TextLimits.Storable(externalId), source.ToString(), triage?.ToString(), category.ToString(), lat, lon,
            complaint is null ? null : TextLimits.Storable(complaint), unitId, unit,
            lat is { } la && lon is { } lo ? _areas.Resolve(new GeoPoint(la, lo)) : AreaMatch.None, times, missing), null);
    }

    private static double? Number(string? text) =>
        text is not null && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static bool TryTriage(string text, out Triage triage) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out triage) && Enum.IsDefined(triage) && !int.TryParse(text, out _)
        || (triage = text.Trim().ToLowerInvariant() switch
        {
            "red" or "p1" => Triage.Merah,
            "yellow" or "p2" => Triage.Kuning,
            "green" or "p3" => Triage.Hijau,
            "black" => Triage.Hitam,
            _ => (Triage)(-1),
        }) != (Triage)(-1);
}
