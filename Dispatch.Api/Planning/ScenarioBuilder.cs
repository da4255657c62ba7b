using System.Globalization;
using Dispatch.Api.Http;
using Dispatch.Api.Reports;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Planning;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Planning;

/// <summary>The period and the two configurations a run replays: today with the default policy, and the scenario.</summary>
public sealed record ScenarioPlan(ReportFilter Period, SimWorld Baseline, SimWorld Scenario);

/// <summary>
/// Checks a simulation request against today's stations and units (every error names its field,
/// e.g. <c>scenario.units[1].homeStationKey</c>) and applies its changes. Units without a home
/// station are not simulated; a station's kecamatan comes from its position (the area boundaries).
/// </summary>
public sealed class ScenarioBuilder(AreaResolver areas)
{
    public (ScenarioPlan? Plan, IResult? Problem) Build(SimulationRequest request, IReadOnlyList<StationRow> stations, IReadOnlyList<UnitRow> units)
    {
        var (period, periodProblem) = ReportFilter.Parse(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["from"] = request.From ?? "", ["to"] = request.To ?? "",
        }));
        if (periodProblem is not null) return (null, periodProblem);
        var v = new Validation().MaxLength("name", request.Name, TextLimits.SimulationName);
        var today = stations.ToDictionary(s => s.Id.ToString(CultureInfo.InvariantCulture), s => new SimStation(s.Id.ToString(CultureInfo.InvariantCulture), s.Name, new(s.Lat, s.Lon), Kecamatan(s.Lat, s.Lon)));
        var baseline = World(today, units.Where(u => u.HomeStationId is not null).Select(u => Unit(u, u.HomeStationId!.Value.ToString(CultureInfo.InvariantCulture))).ToList(), SimPolicy.Default);

        var scenario = request.Scenario ?? new ScenarioRequest(null, null, null);
        var changed = new Dictionary<string, SimStation>(today);
        var removedStations = new Dictionary<string, int>();
        foreach (var (c, i) in (scenario.Stations ?? []).Select((c, i) => (c, i)))
            Station(c, i, $"scenario.stations[{i}]");
        var fleet = units.Where(u => u.HomeStationId is not null).ToDictionary(u => u.Id, u => Unit(u, u.HomeStationId!.Value.ToString(CultureInfo.InvariantCulture)));
        var added = new List<(SimUnit Unit, string Home)>();
        foreach (var (c, i) in (scenario.Units ?? []).Select((c, i) => (c, i)))
            UnitChanged(c, $"scenario.units[{i}]");
        foreach (var (key, i) in removedStations)
        {
            var left = fleet.Values.Concat(added).Where(u => u.Home == key).Select(u => u.Unit.CallSign).ToList();
            v.Check(left.Count == 0, $"scenario.stations[{i}].remove", $"Units still stand at this station: {string.Join(", ", left)}. Give them another home or remove them.");
        }
        var policy = ScenarioRules.Policy(scenario.Policy, v);
        if (v.Problem is { } problem) return (null, problem);
        return (new ScenarioPlan(period!, baseline, World(changed, [.. fleet.Values, .. added], policy!)), null);

        void Station(StationChange c, int i, string field)
        {
            if (c.Id is { } id)
            {
                var key = id.ToString(CultureInfo.InvariantCulture);
                if (!ScenarioRules.Ensure(v, changed.ContainsKey(key), $"{field}.id", $"There is no station {id}.")) return;
                if (c.Remove == true) { changed.Remove(key); removedStations[key] = i; return; }
                if (ScenarioRules.Position(c.Lat, c.Lon, field, v) is { } moved) changed[key] = changed[key] with { Position = moved, KecamatanCode = Kecamatan(moved.Lat, moved.Lon) };
                return;
            }
            v.Required($"{field}.key", c.Key, TextLimits.SimulationKey).MaxLength($"{field}.name", c.Name, TextLimits.StationName);
            if (string.IsNullOrWhiteSpace(c.Key)) return;
            if (!ScenarioRules.Ensure(v, !changed.ContainsKey(c.Key) && !today.ContainsKey(c.Key), $"{field}.key", $"The key '{c.Key}' is used twice.")) return;
            if (ScenarioRules.Position(c.Lat, c.Lon, field, v) is { } at) changed[c.Key] = new SimStation(c.Key, c.Name ?? c.Key, at, Kecamatan(at.Lat, at.Lon));
        }

        void UnitChanged(UnitChange c, string field)
        {
            var home = ScenarioRules.Home(c, field, v, changed.ContainsKey);
            var shifts = ScenarioRules.Shifts(c.Shifts, $"{field}.shifts", v);
            var type = c.Type is null ? null : ScenarioRules.Type(c.Type, $"{field}.type", v);
            if (c.Id is { } id)
            {
                var row = units.FirstOrDefault(u => u.Id == id);
                if (!ScenarioRules.Ensure(v, row is not null, $"{field}.id", $"There is no unit {id}.")) return;
                if (c.Remove == true) { fleet.Remove(id); return; }
                var current = fleet.TryGetValue(id, out var f) ? f : Unit(row!, "");
                var newHome = home ?? current.Home;
                if (!ScenarioRules.Ensure(v, newHome != "", $"{field}.homeStationId", "This unit has no home station today: give it one.")) return;
                fleet[id] = (current.Unit with { Type = type ?? current.Unit.Type, Shifts = shifts ?? current.Unit.Shifts }, newHome);
                return;
            }
            v.Required($"{field}.callSign", c.CallSign, TextLimits.CallSign).Check(c.Type is not null, $"{field}.type", "'type' is required: ALS, BLS or transport.")
                .Check(home is not null, $"{field}.homeStationId", "A new unit needs homeStationId or homeStationKey.");
            if (home is not null && type is not null && !string.IsNullOrWhiteSpace(c.CallSign))
                added.Add((new SimUnit(null, c.CallSign, type.Value, -1, shifts ?? []), home));
        }
    }

    private static (SimUnit Unit, string Home) Unit(UnitRow u, string home) =>
        (new SimUnit(u.Id, u.CallSign, HistoryStore.TypeOf(u.Type) ?? Core.Units.UnitType.Bls, -1, []), home);

    /// <summary>The stations in key order and the units with their station index.</summary>
    private static SimWorld World(Dictionary<string, SimStation> stations, List<(SimUnit Unit, string Home)> units, SimPolicy policy)
    {
        var list = stations.Values.ToList();
        var index = list.Select((s, i) => (s.Key, i)).ToDictionary(x => x.Key, x => x.i);
        return new SimWorld(list, units.Where(u => index.ContainsKey(u.Home)).Select(u => u.Unit with { Station = index[u.Home] }).ToList(), policy);
    }

    private string? Kecamatan(double lat, double lon) => areas.Resolve(new GeoPoint(lat, lon)).Kecamatan?.Code;
}
