using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Api.Events;

/// <summary>
/// One pushed event, exactly as <c>GET /api/events?after=</c> returns it:
/// <c>{ "seq", "type", "at", "data" }</c>. <see cref="Seq"/> increases across the whole system.
/// </summary>
public sealed record EventEnvelope(long Seq, string Type, [property: JsonIgnore] string Audience, DateTimeOffset At, JsonElement Data);

/// <summary>Event type names (the hub's client method names).</summary>
public static class EventTypes
{
    public const string CallReceived = nameof(IDispatchClient.CallReceived);
    public const string CallUpdated = nameof(IDispatchClient.CallUpdated);
    public const string IncidentChanged = nameof(IDispatchClient.IncidentChanged);
    public const string UnitChanged = nameof(IDispatchClient.UnitChanged);
    public const string AssignmentOffered = nameof(IDispatchClient.AssignmentOffered);
    public const string AssignmentCancelled = nameof(IDispatchClient.AssignmentCancelled);
    public const string AssignmentChanged = nameof(IDispatchClient.AssignmentChanged);
    public const string NoteAdded = nameof(IDispatchClient.NoteAdded);
    public const string AvailabilityChanged = nameof(IDispatchClient.AvailabilityChanged);
    public const string PreNotification = nameof(IDispatchClient.PreNotification);
    public const string PreNotificationEnded = nameof(IDispatchClient.PreNotificationEnded);
    public const string PatientChanged = nameof(IDispatchClient.PatientChanged);
}

/// <summary>Who may see an event; group names are built here and nowhere else.</summary>
public static class Audiences
{
    public const string Operators = "operators";

    public static string Unit(long unitId) => $"unit:{unitId}";

    /// <summary>A hospital's emergency desk: its pre-notifications and availability.</summary>
    public static string Facility(long facilityId) => $"facility:{facilityId}";

    /// <summary>Every crew: availability changes reach all ambulances.</summary>
    public const string Crews = "crews";
}
