namespace Dispatch.Core.Calls;

/// <summary>Where a call came from (DOMAIN.md: direct line, NCC forward, app, radio, walk-in).</summary>
public enum CallSource { Line119, Ncc, App, Radio, Walkin }

/// <summary>Lifecycle of a call record in the operators' queue.</summary>
public enum CallStatus { Waiting, Answered, Closed }

/// <summary>How a call ended.</summary>
public enum CallOutcome
{
    /// <summary>An incident was opened from this call.</summary>
    Incident,
    /// <summary>A second caller about an active incident: attached to it.</summary>
    Attached,
    NonEmergencyAdvice,
    Information,
    Prank,
    Abandoned,
}

/// <summary>Flags that keep a defective call instead of rejecting it.</summary>
public static class CallFlags
{
    public const string NumberWithheld = "numberWithheld";
    public const string NumberUnparseable = "numberUnparseable";
    public const string LocationOutOfRange = "locationOutOfRange";
    public const string AccuracyInvalid = "accuracyInvalid";
}
