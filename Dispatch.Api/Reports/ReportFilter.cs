using System.Globalization;
using Dispatch.Api.Http;
using Dispatch.Core.Calls;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Reports;

/// <summary>
/// A date range (WIB calendar days, both inclusive) and the filters every report and export
/// shares: triage, kecamatan, kelurahan, unit, call source, emergency or not.
/// </summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, Triage? Triage, string? Kecamatan, string? Kelurahan, long? UnitId, CallSource? Source, bool? Emergency)
{
    public const int MaxDays = 3700;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public long FromMs => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), Wib).ToUnixTimeMilliseconds();
    public long ToMs => new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), Wib).ToUnixTimeMilliseconds();

    /// <summary>No filter on the incidents themselves (triage, area, source, emergency): the time range and the unit only.</summary>
    public bool ByTimeOnly => Triage is null && Kecamatan is null && Kelurahan is null && Source is null && Emergency is null;

    /// <summary>The SQL parameters of <see cref="ReportSql.Where"/>.</summary>
    public object Parameters => new
    {
        FromMs, ToMs, Triage = Triage?.ToString(), Kecamatan, Kelurahan, UnitId, Source = Source?.ToString(), Emergency,
    };

    public static (ReportFilter? Filter, IResult? Problem) Parse(IQueryCollection query)
    {
        var v = new Validation();
        var from = Date(query, "from", v);
        var to = Date(query, "to", v);
        var triage = Enum<Triage>(query, "triage", v);
        var source = Enum<CallSource>(query, "source", v);
        var unit = Optional(query, "unit", v, "'unit' must be a unit id.",
            (string text, out long id) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id));
        var emergency = Optional(query, "emergency", v, "'emergency' must be true or false.", (string text, out bool flag) => bool.TryParse(text, out flag));
        if (from is { } f && to is { } t) v.Check(t >= f, "to", "'to' must not be before 'from'.").Check(t.DayNumber - f.DayNumber <= MaxDays, "to", $"At most {MaxDays} days.");
        if (v.Problem is { } problem) return (null, problem);
        return (new ReportFilter(from!.Value, to!.Value, triage, Text(query, "kecamatan"), Text(query, "kelurahan"), unit, source, emergency), null);
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>An optional parameter: null when absent, its value when it parses, a field error otherwise.</summary>
    private static T? Optional<T>(IQueryCollection query, string name, Validation v, string message, TryParse<T> parse) where T : struct
    {
        if (Text(query, name) is not { } text) return null;
        if (parse(text, out var value)) return value;
        v.Add(name, message);
        return null;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;

    private static DateOnly? Date(IQueryCollection query, string name, Validation v)
    {
        if (Text(query, name) is not { } text) { v.Add(name, $"'{name}' is required (YYYY-MM-DD)."); return null; }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        v.Add(name, $"'{name}' must be a date, YYYY-MM-DD.");
        return null;
    }

    private static T? Enum<T>(IQueryCollection query, string name, Validation v) where T : struct, System.Enum
    {
        if (Text(query, name) is not { } text) return null;
        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)) return value;
        v.Add(name, $"'{name}' must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
        return null;
    }
}
