using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Core.Planning;

/// <summary>
/// The policy's choice among the units free at a moment (on duty, idle at their station): closest by
/// road ETA or by straight line, ALS first for merah when asked, the kecamatan rule when asked;
/// ties go to the unit listed first. Returns -1 when no unit may go.
/// </summary>
internal sealed class UnitChooser(SimWorld world, TravelTable table, int[] origin, WeeklyShifts[] shifts)
{
    private readonly SimPolicy _policy = world.Policy;
    private readonly Dictionary<string, int> _freeInKecamatan = [];
    private readonly double[] _stationCost = new double[world.Stations.Count];

    /// <summary>Counts the free units per kecamatan for this moment (the kecamatan rule needs them).</summary>
    public void Prepare(long now, long[] freeAt)
    {
        _freeInKecamatan.Clear();
        if (!_policy.KeepOnePerKecamatan) return;
        for (var u = 0; u < world.Units.Count; u++)
            if (Free(u, now, freeAt) && Kecamatan(u) is { } k) _freeInKecamatan[k] = _freeInKecamatan.GetValueOrDefault(k) + 1;
    }

    public bool Free(int u, long now, long[] freeAt) => freeAt[u] <= now && shifts[u].OnDuty(now);

    public int Choose(SimCall call, PlacedPoint scene, long now, long holdUntil, long[] freeAt)
    {
        var holding = _policy.KeepOnePerKecamatan && call.Triage != Triage.Merah && now < holdUntil;
        var alsOnly = _policy.AlsForMerah && call.Triage == Triage.Merah && AnyAls(call, holding, now, freeAt);
        var (best, bestCost) = (-1, double.PositiveInfinity);
        Array.Fill(_stationCost, double.NaN); // each station's cost once per choice, however many units stand there
        for (var u = 0; u < world.Units.Count; u++)
        {
            if (!May(u, call, holding, now, freeAt) || (alsOnly && world.Units[u].Type != UnitType.Als)) continue;
            var station = world.Units[u].Station;
            if (double.IsNaN(_stationCost[station])) _stationCost[station] = Cost(station, scene);
            if (_stationCost[station] < bestCost) (best, bestCost) = (u, _stationCost[station]);
        }
        return best;
    }

    /// <summary>Records that unit <paramref name="u"/> left: one fewer free unit in its kecamatan.</summary>
    public void Took(int u)
    {
        if (Kecamatan(u) is { } k && _freeInKecamatan.TryGetValue(k, out var n)) _freeInKecamatan[k] = n - 1;
    }

    private bool AnyAls(SimCall call, bool holding, long now, long[] freeAt)
    {
        for (var u = 0; u < world.Units.Count; u++)
            if (world.Units[u].Type == UnitType.Als && May(u, call, holding, now, freeAt)) return true;
        return false;
    }

    private bool May(int u, SimCall call, bool holding, long now, long[] freeAt)
    {
        if (!Free(u, now, freeAt)) return false;
        if (!holding || Kecamatan(u) is not { } k || k == call.KecamatanCode) return true;
        return _freeInKecamatan.GetValueOrDefault(k) > 1;
    }

    private double Cost(int station, PlacedPoint scene) => _policy.Travel == TravelChoice.Road
        ? table.From(origin[station], scene).Seconds
        : GreatCircle.Meters(world.Stations[station].Position, scene.Point);

    private string? Kecamatan(int u) => world.Stations[world.Units[u].Station].KecamatanCode;
}
