using Dispatch.Core.Calls;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Core.Tests;

/// <summary>A clock that moves forward by a fixed step each time it is read.</summary>
internal sealed class StepClock(DateTimeOffset start, TimeSpan step)
{
    public DateTimeOffset Now { get; private set; } = start;

    public DateTimeOffset Next() => Now += step;
}

/// <summary>
/// Small builders shared by the tests: a call, an answered call, an incident at any status, a
/// unit's response at any status. Everything is reached through the public methods only.
/// </summary>
internal static class TestData
{
    public const string Operator = "operator.ani";
    public const string OtherOperator = "operator.budi";
    public const long IncidentId = 101;
    public const long UnitId = 7;
    public const long SecondUnitId = 8;
    public const long ThirdUnitId = 9;
    public const long HospitalId = 3;
    public const long OtherHospitalId = 4;
    public const string Reason = "crew needed for a cardiac arrest";

    /// <summary>02:00 UTC = 09:00 WIB.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A point in Koto Panjang, Kota Solok.</summary>
    public static readonly GeoPoint Scene = new(-0.7925, 100.6562);

    public static StepClock Clock() => new(T0, TimeSpan.FromMinutes(1));

    public static string CallSignOf(long unitId) => $"SOLOK-{unitId}";

    public static CallRecord WaitingCall(DateTimeOffset receivedAt) =>
        CallRecord.Receive("pbx-0001", "081234567890", receivedAt, CallSource.Line119, Scene.Lat, Scene.Lon, 25, receivedAt);

    public static CallRecord AnsweredCall(StepClock clock, string operatorName = Operator)
    {
        var call = WaitingCall(clock.Now);
        call.Answer(operatorName, clock.Next());
        return call;
    }

    public static IncidentDetails Details(GeoPoint? location = null, Triage triage = Triage.Merah, int patientCount = 1) =>
        new(location ?? Scene,
            new AreaMatch(new Area("13.72.02.1001", "Koto Panjang"), new Area("13.72.02", "Tanjung Harapan")),
            "Jl. Lingkar Utara", "sesak napas", IsEmergency: true, IncidentCategory.NonTrauma, triage, patientCount);

    /// <summary>An incident as stored: with an id (given by the database; set here the way Dapper sets it).</summary>
    public static Incident OpenIncident(StepClock clock, Triage triage = Triage.Merah, long id = IncidentId)
    {
        var incident = Incident.Open(AnsweredCall(clock), Details(triage: triage), Operator, clock.Next());
        typeof(Incident).GetProperty(nameof(Incident.Id))!.SetValue(incident, id);
        return incident;
    }

    /// <summary>Sends <paramref name="unitId"/> to the incident.</summary>
    public static Response Send(Incident incident, long unitId, DateTimeOffset at) =>
        incident.Assign(unitId, CallSignOf(unitId), Operator, at);

    /// <summary>An incident (with unit <see cref="UnitId"/> for the unit statuses) brought to <paramref name="status"/>.</summary>
    public static Incident IncidentAt(IncidentStatus status, StepClock clock, Triage triage = Triage.Merah, long id = IncidentId)
    {
        var incident = OpenIncident(clock, triage, id);
        switch (status)
        {
            case IncidentStatus.Pending: break;
            case IncidentStatus.Cleared: Advance(incident, UnitId, ResponseStatus.Ended, clock); break;
            case IncidentStatus.Closed: Advance(incident, UnitId, ResponseStatus.Ended, clock); incident.Close(clock.Next()); break;
            case IncidentStatus.Cancelled: incident.Cancel("caller reports patient taken by family", clock.Next()); break;
            default: Advance(incident, UnitId, ResponseFor(status), clock); break;
        }
        Assert.That(incident.Status, Is.EqualTo(status), "test setup did not reach the wanted status");
        return incident;
    }

    /// <summary>Calls the public method whose transition (with unit <see cref="UnitId"/>) targets <paramref name="target"/>.</summary>
    public static void MoveVia(Incident incident, IncidentStatus target, DateTimeOffset at)
    {
        switch (target)
        {
            case IncidentStatus.Pending: incident.Release(UnitId, Reason, at); break;
            case IncidentStatus.Cleared: Step(incident, UnitId, ResponseStatus.Ended, at); break;
            case IncidentStatus.Closed: incident.Close(at); break;
            case IncidentStatus.Cancelled: incident.Cancel("caller reports patient taken by family", at); break;
            default: Step(incident, UnitId, ResponseFor(target), at); break;
        }
    }

    /// <summary>Calls the public method that moves the response of <paramref name="unitId"/> to <paramref name="target"/> (ended: completed, back in service).</summary>
    public static void Step(Incident incident, long unitId, ResponseStatus target, DateTimeOffset at, long destinationId = HospitalId)
    {
        switch (target)
        {
            case ResponseStatus.Dispatched: Send(incident, unitId, at); break;
            case ResponseStatus.Acknowledged: incident.Acknowledge(unitId, at); break;
            case ResponseStatus.Ended: incident.ApplyStatus(unitId, CrewStatus.Available, at); break;
            default: incident.ApplyStatus(unitId, ReportFor(target), at, destinationId); break;
        }
    }

    /// <summary>Sends <paramref name="unitId"/> and steps its response to <paramref name="target"/>, one minute a step.</summary>
    public static Response Advance(Incident incident, long unitId, ResponseStatus target, StepClock clock, long destinationId = HospitalId)
    {
        foreach (var step in ResponsePath(target))
            Step(incident, unitId, step, clock.Next(), destinationId);
        return incident.Responses.Last(r => r.UnitId == unitId);
    }

    public static CrewStatus ReportFor(ResponseStatus status) => status switch
    {
        ResponseStatus.EnRoute => CrewStatus.EnRoute,
        ResponseStatus.OnScene => CrewStatus.OnScene,
        ResponseStatus.Transporting => CrewStatus.Transporting,
        ResponseStatus.AtDestination => CrewStatus.AtDestination,
        ResponseStatus.Handover => CrewStatus.Handover,
        ResponseStatus.Ended => CrewStatus.Available,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "no crew report leads there"),
    };

    private static ResponseStatus ResponseFor(IncidentStatus status) => Enum.Parse<ResponseStatus>(status.ToString());

    private static ResponseStatus[] ResponsePath(ResponseStatus status) => status switch
    {
        ResponseStatus.Dispatched => [ResponseStatus.Dispatched],
        ResponseStatus.Acknowledged => [ResponseStatus.Dispatched, ResponseStatus.Acknowledged],
        ResponseStatus.EnRoute => [ResponseStatus.Dispatched, ResponseStatus.EnRoute],
        ResponseStatus.OnScene => [.. ResponsePath(ResponseStatus.EnRoute), ResponseStatus.OnScene],
        ResponseStatus.Transporting => [.. ResponsePath(ResponseStatus.OnScene), ResponseStatus.Transporting],
        ResponseStatus.AtDestination => [.. ResponsePath(ResponseStatus.Transporting), ResponseStatus.AtDestination],
        ResponseStatus.Handover => [.. ResponsePath(ResponseStatus.AtDestination), ResponseStatus.Handover],
        ResponseStatus.Ended => [.. ResponsePath(ResponseStatus.OnScene), ResponseStatus.Ended],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>What a test compares to show that a refused action changed nothing.</summary>
    public static object Snapshot(Incident incident) => new
    {
        incident.Status,
        incident.Times,
        incident.UnitId,
        incident.DestinationId,
        incident.StatusSince,
        Responses = string.Join("; ", incident.Responses.Select(r =>
            $"{r.UnitId} {r.Status} {r.Latest:O} {r.EndReason} {r.EndNote} {r.DivertedToIncidentId} {r.Via} {r.DestinationId}")),
    };
}
