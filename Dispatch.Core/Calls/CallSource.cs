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
    public const string LocationIncomplete = "locationIncomplete";
    /// <summary>The location object was not understood (wrong types); the call is kept without it.</summary>
    public const string LocationInvalid = "locationInvalid";
    /// <summary>The source was not one of the known values; recorded as the 119 line.</summary>
    public const string SourceUnknown = "sourceUnknown";
    /// <summary>The receive time had no UTC offset; WIB (UTC+7) was assumed.</summary>
    public const string ReceivedAtAssumedWib = "receivedAtAssumedWib";
    /// <summary>The receive time lies more than five minutes after the server's clock.</summary>
    public const string ReceivedAtInFuture = "receivedAtInFuture";
    /// <summary>The number was longer than <see cref="Common.TextLimits.CallerNumber"/>; its beginning is kept.</summary>
    public const string NumberTruncated = "numberTruncated";
    /// <summary>The externalId was longer than <see cref="Common.TextLimits.ExternalId"/>; stored as its beginning plus a hash of the whole.</summary>
    public const string ExternalIdShortened = "externalIdShortened";
}
