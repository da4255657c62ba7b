namespace Dispatch.Api.Events;

/// <summary>Configuration section "Events": the missed-events feed.</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>
    /// <c>GET /api/events?after=</c> never returns events older than this many hours, whatever
    /// <c>after</c> says: a console that was away longer reloads its state from the list endpoints
    /// (the answer says so) rather than replay a day of other people's data.
    /// </summary>
    public int CatchUpHours { get; set; } = 12;
}
