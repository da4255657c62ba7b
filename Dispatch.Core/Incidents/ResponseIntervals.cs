namespace Dispatch.Core.Incidents;

/// <summary>One measured interval; <see cref="Seconds"/> is null when <see cref="Valid"/> is false.</summary>
public sealed record Interval(string Name, double? Seconds, string? Invalid)
{
    public bool Valid => Invalid is null;

    public static Interval Between(string name, DateTimeOffset? start, DateTimeOffset? end) =>
        (start, end) switch
        {
            (null, _) => new Interval(name, null, "start missing"),
            (_, null) => new Interval(name, null, "end missing"),
            ({ } s, { } e) when e < s => new Interval(name, null, "end precedes start"),
            ({ } s, { } e) => new Interval(name, (e - s).TotalSeconds, null),
        };
}

/// <summary>
/// Response intervals from an incident's time points. An interval with a missing or out-of-order
/// time point is marked invalid and not computed, as public EMS data flags such records.
/// </summary>
public static class ResponseIntervals
{
    public const string CallToAnswer = "callToAnswer";
    public const string AnswerToDispatch = "answerToDispatch";
    public const string DispatchToEnRoute = "dispatchToEnRoute";
    public const string EnRouteToOnScene = "enRouteToOnScene";
    public const string CallToOnScene = "callToOnScene";
    public const string OnSceneToDestination = "onSceneToDestination";
    public const string DispatchToBackInService = "dispatchToBackInService";

    public static IReadOnlyList<Interval> From(IncidentTimes t) =>
    [
        Interval.Between(CallToAnswer, t.CallReceived, t.CallAnswered),
        Interval.Between(AnswerToDispatch, t.CallAnswered, t.UnitNotified),
        Interval.Between(DispatchToEnRoute, t.UnitNotified, t.EnRoute),
        Interval.Between(EnRouteToOnScene, t.EnRoute, t.OnScene),
        Interval.Between(CallToOnScene, t.CallReceived, t.OnScene),
        Interval.Between(OnSceneToDestination, t.OnScene, t.AtDestination),
        Interval.Between(DispatchToBackInService, t.UnitNotified, t.BackInService),
    ];
}
