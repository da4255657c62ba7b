namespace Dispatch.Api.Planning;

/// <summary>One trip: predicted seconds (current speeds) and observed seconds (en route to on scene). No ids.</summary>
public sealed record CalibrationPointView(double Predicted, double Observed);

/// <summary>How well k x predicted matches the observed times (k = 1 / the fitted factor relative to the current speeds).</summary>
public sealed record CalibrationFitView(double R2, double MaeSeconds, double MedianRatio);

/// <summary>The calibration in force: factors relative to the configured speeds, who accepted it and when.</summary>
public sealed record CalibrationCurrentView(string Basis, IReadOnlyDictionary<string, double> Factors, string AcceptedBy, DateTimeOffset AcceptedAt);

/// <summary>
/// <c>GET /api/planning/calibration</c>: one speed factor (key "all": every road class, or the
/// straight-line speed) fitted to the period's observed trips, relative to the configured speeds.
/// <see cref="Observations"/> trips had a trusted start; <see cref="Used"/> of them could be
/// predicted. <see cref="Factors"/> and <see cref="Fit"/> are null below <see cref="MinObservations"/>.
/// <see cref="Points"/> holds at most 2,000 trips.
/// </summary>
public sealed record CalibrationView(DateOnly From, DateOnly To, string Basis, int Observations, int Used, int MinObservations,
    IReadOnlyDictionary<string, double>? Factors, CalibrationCurrentView? Current, CalibrationFitView? Fit, IReadOnlyList<CalibrationPointView> Points);

/// <param name="From">First WIB day, YYYY-MM-DD.</param>
/// <param name="To">Last WIB day, YYYY-MM-DD (inclusive).</param>
public sealed record CalibrationRequest(string? From, string? To);
