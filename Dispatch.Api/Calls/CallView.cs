using Dispatch.Core.Calls;

namespace Dispatch.Api.Calls;

public sealed record LocationView(double Lat, double Lon, double? AccuracyMeters);

/// <summary>
/// A call record on the wire (ingest response, call queue, CallReceived/CallUpdated). <c>IngestedAt</c>
/// is the server's arrival time: a console counts a call's wait from it when the telephony clock runs ahead.
/// </summary>
public sealed record CallView(
    long Id,
    string ExternalId,
    string? CallerNumber,
    DateTimeOffset ReceivedAt,
    CallSource Source,
    LocationView? Location,
    IReadOnlyList<string> Flags,
    CallStatus Status,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    CallOutcome? Outcome,
    DateTimeOffset? ClosedAt,
    long? IncidentId,
    DateTimeOffset IngestedAt,
    int Version)
{
    public static CallView From(CallRecord c) => new(
        c.Id, c.ExternalId, c.CallerNumber, c.ReceivedAt, c.Source,
        c.Location is { } p ? new LocationView(p.Lat, p.Lon, c.AccuracyMeters) : null,
        c.FlagList, c.Status, c.AnsweredBy, c.AnsweredAt, c.Outcome, c.ClosedAt, c.IncidentId, c.IngestedAt, c.Version);
}
