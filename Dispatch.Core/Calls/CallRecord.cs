using Dispatch.Core.Common;
using Dispatch.Core.Geography;

namespace Dispatch.Core.Calls;

/// <summary>
/// One incoming emergency call. Created by telephony ingest; claimed by the operator who answers
/// it; ends as an incident, attached to an incident, or closed with an outcome.
/// </summary>
public sealed class CallRecord
{
    private CallRecord() { }

    public long Id { get; private set; }
    public string ExternalId { get; private set; } = "";
    /// <summary>E.164 when it parsed, otherwise exactly as the line reported it.</summary>
    public string? CallerNumber { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public CallSource Source { get; private set; }
    public double? Lat { get; private set; }
    public double? Lon { get; private set; }
    public double? AccuracyMeters { get; private set; }
    /// <summary>Comma-separated <see cref="CallFlags"/>; empty when the call is clean.</summary>
    public string Flags { get; private set; } = "";
    public CallStatus Status { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public CallOutcome? Outcome { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public long? IncidentId { get; private set; }
    public DateTimeOffset IngestedAt { get; private set; }
    public int Version { get; private set; }

    public GeoPoint? Location => GeoPoint.Create(Lat, Lon);
    public IReadOnlyList<string> FlagList => Flags.Length == 0 ? [] : Flags.Split(',');

    /// <summary>
    /// Builds a call from what the line reported, flagging rather than rejecting defects: a
    /// withheld or unparseable number is kept as given, an impossible location is dropped.
    /// <paramref name="intakeFlags"/> carries defects the caller already found in the message.
    /// </summary>
    public static CallRecord Receive(
        string externalId, string? callerNumber, DateTimeOffset receivedAt, CallSource source,
        double? lat, double? lon, double? accuracyMeters, DateTimeOffset now, IEnumerable<string>? intakeFlags = null)
    {
        TextLimits.Ensure("externalId", externalId, TextLimits.ExternalId);
        var flags = new List<string>(intakeFlags ?? []);
        var number = Calls.CallerNumber.Normalize(callerNumber);
        if (number.Flag is not null) flags.Add(number.Flag);
        var storedNumber = number.Value is null ? null : TextLimits.Storable(number.Value);
        if (storedNumber is { Length: > TextLimits.CallerNumber })
        {
            // Kept in part rather than refused: the operator still sees the call and its beginning.
            storedNumber = TextLimits.Clip(storedNumber, TextLimits.CallerNumber);
            flags.Add(CallFlags.NumberTruncated);
        }
        var location = GeoPoint.Create(lat, lon);
        if (location is null && (lat is not null || lon is not null)) flags.Add(CallFlags.LocationIncomplete);
        if (location is { IsValid: false })
        {
            flags.Add(CallFlags.LocationOutOfRange);
            location = null;
        }
        if (location is not null && accuracyMeters is { } acc && (!double.IsFinite(acc) || acc < 0))
        {
            flags.Add(CallFlags.AccuracyInvalid);
            accuracyMeters = null;
        }
        return new CallRecord
        {
            ExternalId = externalId,
            CallerNumber = storedNumber,
            ReceivedAt = receivedAt.ToUniversalTime(),
            Source = source,
            Lat = location?.Lat,
            Lon = location?.Lon,
            AccuracyMeters = location is null ? null : accuracyMeters,
            Flags = string.Join(',', flags.Distinct()),
            Status = CallStatus.Waiting,
            IngestedAt = now,
        };
    }

    /// <summary>
    /// The externalId as stored: NUL made storable, and one longer than <see cref="TextLimits.ExternalId"/>
    /// shortened to its beginning plus <c>~</c> and 16 hex digits of its SHA-256, so a retry of the
    /// same long id still finds the stored call and two long ids differing only at the end stay apart.
    /// </summary>
    public static (string Value, bool Shortened) FitExternalId(string externalId)
    {
        var value = TextLimits.Storable(externalId);
        if (value.Length <= TextLimits.ExternalId) return (value, false);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..16];
        return (TextLimits.Clip(value, TextLimits.ExternalId - hash.Length - 1) + "~" + hash, true);
    }

    /// <summary>Claims the call for one operator; a second operator is refused.</summary>
    public void Answer(string operatorName, DateTimeOffset at)
    {
        if (Status != CallStatus.Waiting)
            throw new RuleViolation("call-taken", AnsweredBy is null
                ? $"Call {Id} is already {Status.ToString().ToLowerInvariant()}."
                : $"Call {Id} was already answered by {AnsweredBy}.");
        Status = CallStatus.Answered;
        AnsweredBy = operatorName;
        AnsweredAt = at;
    }

    /// <summary>
    /// Another operator takes over a call that was answered and left unfinished (the first
    /// operator's console closed, crashed or walked away): allowed only once the call has been
    /// answered for at least <paramref name="after"/>, so a call in progress is not snatched.
    /// </summary>
    public void TakeOver(string operatorName, DateTimeOffset at, TimeSpan after)
    {
        if (Status != CallStatus.Answered)
            throw new RuleViolation("call-not-answered", $"Call {Id} is {Status.ToString().ToLowerInvariant()}, not answered by anyone.");
        if (string.Equals(AnsweredBy, operatorName, StringComparison.Ordinal))
            throw new RuleViolation("illegal-transition", $"Call {Id} is already yours.");
        if (AnsweredAt is { } answered && at - answered < after)
            throw new RuleViolation("takeover-too-soon", $"Call {Id} was answered by {AnsweredBy} {(at - answered).TotalSeconds:0} s ago; it can be taken over after {after.TotalSeconds:0} s.");
        AnsweredBy = operatorName;
        AnsweredAt = at;
    }

    /// <summary>Ends the call without a new incident (advice, information, prank, abandoned).</summary>
    public void Close(CallOutcome outcome, string operatorName, DateTimeOffset at)
    {
        if (outcome is CallOutcome.Incident or CallOutcome.Attached)
            throw new RuleViolation("invalid-outcome", $"Outcome {outcome} is set by creating or attaching an incident.");
        // An abandoned call may be closed while still waiting; anything else needs a conversation.
        if (!(Status == CallStatus.Waiting && outcome == CallOutcome.Abandoned)) EnsureHandledBy(operatorName);
        Status = CallStatus.Closed;
        Outcome = outcome;
        ClosedAt = at;
    }

    /// <summary>The call became an incident or was attached to one.</summary>
    public void LinkTo(long incidentId, CallOutcome outcome, string operatorName, DateTimeOffset at)
    {
        if (outcome is not (CallOutcome.Incident or CallOutcome.Attached))
            throw new RuleViolation("invalid-outcome", $"Outcome {outcome} is set by closing the call, not by linking it.");
        EnsureHandledBy(operatorName);
        Status = CallStatus.Closed;
        Outcome = outcome;
        IncidentId = incidentId;
        ClosedAt = at;
    }

    /// <summary>Only the operator who answered (claimed) the call may continue it.</summary>
    public void EnsureHandledBy(string operatorName)
    {
        if (Status != CallStatus.Answered)
            throw new RuleViolation("call-not-answered", $"Call {Id} is {Status.ToString().ToLowerInvariant()}, not answered; answer it first.");
        if (!string.Equals(AnsweredBy, operatorName, StringComparison.Ordinal))
            throw new RuleViolation("call-taken", $"Call {Id} is handled by {AnsweredBy}.");
    }

}
