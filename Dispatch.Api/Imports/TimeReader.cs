using System.Globalization;

namespace Dispatch.Api.Imports;

/// <summary>
/// Reads one time field of a row: from one column (a date and time), or from a date column and a
/// time column joined, or from a time column alone (a later time point such as on scene "14:05"),
/// which takes the call's date in its zone, and the next day when it would otherwise precede
/// the row's previous time point.
/// </summary>
public sealed class TimeReader
{
    private static readonly string[] DefaultDates = ["yyyy-MM-dd"];
    private static readonly string[] DefaultTimes = ["H:mm:ss", "H:mm", "HH:mm:ss", "HH:mm", "H:mm:ss.FFF"];

    private readonly int _whole = -1, _date = -1, _time = -1;
    private readonly string? _wholeFormat;
    private readonly string[] _dateFormats = DefaultDates, _timeFormats = DefaultTimes;
    private readonly TimeZoneInfo _zone;

    public string Field { get; }

    /// <summary>The text shown when the value cannot be read: the format expected.</summary>
    public string Expected { get; }

    public bool Mapped => _whole >= 0 || _time >= 0;

    public TimeReader(string field, ImportMapping mapping, IReadOnlyDictionary<string, int> columnOf)
    {
        Field = field;
        string? Header(string f) => mapping.Columns!.FirstOrDefault(c => c.Value == f).Key;
        int Index(string? header) => header is not null && columnOf.TryGetValue(header, out var i) ? i : -1;
        if (Header(field) is { } whole && (_whole = Index(whole)) >= 0)
        {
            _wholeFormat = mapping.FormatOf(whole, whole: true);
            _zone = mapping.ZoneOf(whole);
            Expected = _wholeFormat ?? "iso";
            return;
        }
        var (dateHeader, timeHeader) = (Header(field + ImportMapping.DatePart), Header(field + ImportMapping.TimePart));
        (_date, _time) = (Index(dateHeader), Index(timeHeader));
        if (_date >= 0 && mapping.FormatOf(dateHeader!, whole: false) is { } df) _dateFormats = [df];
        if (_time >= 0 && mapping.FormatOf(timeHeader!, whole: false) is { } tf) _timeFormats = [tf];
        _zone = mapping.ZoneOf(timeHeader ?? dateHeader);
        Expected = (_date >= 0 ? string.Join("|", _dateFormats) + " + " : "") + string.Join("|", _timeFormats);
    }

    /// <summary>
    /// The UTC time of the row; null when the row leaves it empty. <paramref name="ok"/> is false
    /// when a value is there but cannot be read. <paramref name="call"/> and <paramref name="previous"/>
    /// give a time-only column its date.
    /// </summary>
    public DateTimeOffset? Read(Func<int, string?> cell, DateTimeOffset? call, DateTimeOffset? previous, out bool ok, out string? text)
    {
        ok = true;
        if (_whole >= 0)
        {
            text = cell(_whole);
            if (text is null) return null;
            ok = TryWhole(text, out var value);
            return ok ? value.ToUniversalTime() : null;
        }
        var (dateText, timeText) = (_date >= 0 ? cell(_date) : null, _time >= 0 ? cell(_time) : null);
        text = dateText is null ? timeText : $"{dateText} {timeText}";
        if (timeText is null) return null;
        ok = TimeOnly.TryParseExact(timeText, _timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time);
        DateOnly date = default;
        if (ok && _date >= 0) ok = DateOnly.TryParseExact(dateText, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        else if (ok && call is { } c) date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c, _zone).DateTime);
        else ok = false; // a time alone needs the call's date
        if (!ok) return null;
        var at = Local(date.ToDateTime(time));
        if (_date < 0 && previous is { } p && at < p) at = Local(date.AddDays(1).ToDateTime(time));
        return at.ToUniversalTime();
    }

    private DateTimeOffset Local(DateTime local) => new(local, _zone.GetUtcOffset(local));

    /// <summary>ISO 8601 (an offset wins over the zone) or the column's .NET format in its zone.</summary>
    private bool TryWhole(string text, out DateTimeOffset value)
    {
        value = default;
        DateTime local;
        if (string.IsNullOrEmpty(_wholeFormat) || _wholeFormat.Equals("iso", StringComparison.OrdinalIgnoreCase))
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out local)) return false;
            if (local.Kind != DateTimeKind.Unspecified)
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }
        else if (!DateTime.TryParseExact(text, _wholeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            return false;
        }
        value = Local(local);
        return true;
    }
}
