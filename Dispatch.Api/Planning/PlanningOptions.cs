namespace Dispatch.Api.Planning;

/// <summary>Planning settings (configuration section "Planning").</summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    /// <summary>How long POST /api/planning/simulations waits for the run before answering 202 with its id.</summary>
    public double WaitSeconds { get; set; } = 3;

    /// <summary>How many runs GET /api/planning/simulations lists (newest first).</summary>
    public int ListLimit { get; set; } = 100;

    /// <summary>
    /// Calibration trusts a trip's start (the unit's home station) only when every earlier response of
    /// the unit in the 24 hours before ended at least this many minutes before it was notified.
    /// </summary>
    public double CalibrationAtStationMinutes { get; set; } = 30;

    /// <summary>Fewer usable trips than this fit nothing (and cannot be accepted).</summary>
    public int CalibrationMinObservations { get; set; } = 10;

    /// <summary>How often each node re-reads the accepted calibration (another node may have changed it).</summary>
    public double CalibrationCheckSeconds { get; set; } = 30;
}
