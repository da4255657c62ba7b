namespace Dispatch.Api.Planning;

/// <summary>
/// The accepted speed factor on this node (1 = the configured speeds) and the basis it was fitted
/// on: "road" scales every road speed (the road network is rebuilt), "straightLine" scales
/// Recommendation:SpeedKmh. Set from the latest <c>road_calibrations</c> row by
/// <see cref="CalibrationWatcher"/> (every node) and at once by the node that accepts one.
/// </summary>
public sealed class SpeedCalibration
{
    private volatile Accepted? _current;

    /// <param name="Factor">Speeds x Factor; travel times / Factor.</param>
    public sealed record Accepted(long Id, string Basis, double Factor, string AcceptedBy, DateTimeOffset AcceptedAt);

    public Accepted? Current => _current;

    /// <summary>Raised after a change, on the thread that made it.</summary>
    public event Action? Changed;

    /// <summary>The factor for estimates on this basis (1 when the accepted one is for the other basis, or none is).</summary>
    public double FactorFor(string basis) => _current is { } c && c.Basis == basis ? c.Factor : 1;

    public void Set(Accepted? accepted)
    {
        if (_current?.Id == accepted?.Id) return;
        _current = accepted;
        Changed?.Invoke();
    }
}
