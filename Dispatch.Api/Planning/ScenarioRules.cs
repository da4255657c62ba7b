using System.Globalization;
using Dispatch.Api.Http;
using Dispatch.Core.Geography;
using Dispatch.Core.Planning;
using Dispatch.Core.Units;

namespace Dispatch.Api.Planning;

/// <summary>The field checks of a scenario: positions, unit types, homes, shifts and the policy; each error names its field.</summary>
internal static class ScenarioRules
{
    public static bool Ensure(Validation v, bool ok, string field, string message)
    {
        v.Check(ok, field, message);
        return ok;
    }

    public static GeoPoint? Position(double? lat, double? lon, string field, Validation v)
    {
        var okLat = Ensure(v, lat is >= -90 and <= 90, $"{field}.lat", "'lat' is required, -90..90.");
        var okLon = Ensure(v, lon is >= -180 and <= 180, $"{field}.lon", "'lon' is required, -180..180.");
        return okLat && okLon ? new GeoPoint(lat!.Value, lon!.Value) : null;
    }

    public static UnitType? Type(string text, string field, Validation v)
    {
        var type = HistoryStore.TypeOf(text);
        Ensure(v, type is not null, field, "'type' is ALS, BLS or transport.");
        return type;
    }

    /// <summary>The station key a unit's change names as its home (null: none named); a station unknown or removed is an error.</summary>
    public static string? Home(UnitChange c, string field, Validation v, Func<string, bool> exists)
    {
        if (c.HomeStationId is { } id)
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            return Ensure(v, exists(key), $"{field}.homeStationId", $"There is no station {id} in the scenario.") ? key : null;
        }
        if (c.HomeStationKey is { } added)
            return Ensure(v, exists(added), $"{field}.homeStationKey", $"The scenario adds no station '{added}'.") ? added : null;
        return null;
    }

    public static IReadOnlyList<ShiftWindow>? Shifts(IReadOnlyList<ShiftRequest>? shifts, string field, Validation v)
    {
        if (shifts is null) return null;
        var windows = new List<ShiftWindow>();
        foreach (var (s, j) in shifts.Select((s, j) => (s, j)))
        {
            var f = $"{field}[{j}]";
            var days = Ensure(v, s.Days is { Count: > 0 } && s.Days.All(d => d is >= 0 and <= 6), $"{f}.days", "'days' lists days 0 (Sunday) .. 6.");
            var from = Time(s.From, $"{f}.from", v);
            var to = Time(s.To, $"{f}.to", v);
            if (days && from is not null && to is not null) windows.Add(new ShiftWindow([.. s.Days!], from.Value, to.Value));
        }
        return windows;
    }

    public static SimPolicy? Policy(PolicyRequest? p, Validation v)
    {
        if (p is null) return SimPolicy.Default;
        TravelChoice? travel = p.Travel switch
        {
            null => TravelChoice.Road,
            _ when p.Travel.Equals("road", StringComparison.OrdinalIgnoreCase) => TravelChoice.Road,
            _ when p.Travel.Equals("straightLine", StringComparison.OrdinalIgnoreCase) => TravelChoice.StraightLine,
            _ => null,
        };
        if (!Ensure(v, travel is not null, "scenario.policy.travel", "'travel' is road or straightLine.")) return null;
        return new SimPolicy(travel!.Value, p.AlsForMerah ?? false, p.KeepOnePerKecamatan ?? false);
    }

    private static TimeOnly? Time(string? text, string field, Validation v) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
            : Ensure(v, false, field, $"'{field[(field.LastIndexOf('.') + 1)..]}' is a WIB time, HH:mm.") ? null : null;
}
