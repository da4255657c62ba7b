using Dispatch.Core.Incidents;

namespace Dispatch.Core.Units;

/// <summary>
/// What a crew may report next, derived from the response and unit lifecycles, so that the crew's
/// phone shows only the legal steps without keeping its own copy of the rules.
/// </summary>
public static class CrewSteps
{
    /// <summary>The unit status a report leads to when the unit has no incident; null for a report that needs one.</summary>
    public static UnitStatus? IdleUnitStatusFor(CrewStatus status) => status switch
    {
        CrewStatus.Available => UnitStatus.AvailableOnRoad,
        CrewStatus.Returning => UnitStatus.Returning,
        CrewStatus.AtStation => UnitStatus.AvailableAtStation,
        _ => null,
    };

    /// <summary>A report that ends the crew's work on the incident and frees the unit.</summary>
    public static bool EndsTask(CrewStatus status) => Response.StatusFor(status) == ResponseStatus.Ended;

    /// <summary>Whether the crew may still acknowledge a response in this status.</summary>
    public static bool CanAcknowledge(ResponseStatus from) => Response.CanMove(from, ResponseStatus.Acknowledged);

    /// <summary>Whether the crew may still decline a response in this status (before acknowledging).</summary>
    public static bool CanDecline(ResponseStatus from) => from == ResponseStatus.Dispatched;

    /// <summary>The reports the crew of a response in <paramref name="from"/> may make next, in lifecycle order.</summary>
    public static IReadOnlyList<CrewStatus> OnResponse(ResponseStatus from) =>
        [.. Enum.GetValues<CrewStatus>().Where(c => Response.StatusFor(c) is { } to && Response.CanMove(from, to))];

    /// <summary>The reports a unit without an incident may make from <paramref name="from"/> (a report of where it already is, excluded).</summary>
    public static IReadOnlyList<CrewStatus> Idle(UnitStatus from) =>
        [.. Enum.GetValues<CrewStatus>().Where(c => IdleUnitStatusFor(c) is { } to && to != from && Unit.CanMove(from, to))];

    /// <summary>
    /// For each report (and <c>acknowledge</c>), what may follow it: the phone uses this to offer
    /// the next step after a tap still waiting for signal.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CrewStatus>> AfterOnIncident() =>
        Enum.GetValues<CrewStatus>()
            .Where(c => Response.StatusFor(c) is not null)
            .ToDictionary(Name, c => OnResponse(Response.StatusFor(c)!.Value))
            .Append(new(Acknowledge, OnResponse(ResponseStatus.Acknowledged)))
            .ToDictionary();

    /// <summary>For each report a unit without an incident may make, what may follow it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CrewStatus>> AfterIdle() =>
        Enum.GetValues<CrewStatus>()
            .Where(c => IdleUnitStatusFor(c) is not null)
            .ToDictionary(Name, c => Idle(IdleUnitStatusFor(c)!.Value));

    /// <summary>The key of the acknowledge step in <see cref="AfterOnIncident"/>.</summary>
    public const string Acknowledge = "acknowledge";

    /// <summary>A report's name as the wire spells it (camelCase).</summary>
    public static string Name(CrewStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
