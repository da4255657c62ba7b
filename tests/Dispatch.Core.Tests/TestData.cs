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

/// <summary>Small builders shared by the tests: a call, an answered call, an incident at any status.</summary>
internal static class TestData
{
    public const string Operator = "operator.ani";
    public const string OtherOperator = "operator.budi";
    public const long UnitId = 7;
    public const long HospitalId = 3;

    /// <summary>02:00 UTC = 09:00 WIB.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A point in Koto Panjang, Kota Solok.</summary>
    public static readonly GeoPoint Scene = new(-0.7925, 100.6562);

    public static StepClock Clock() => new(T0, TimeSpan.FromMinutes(1));

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

    public static Incident OpenIncident(StepClock clock) =>
        Incident.Open(AnsweredCall(clock), Details(), Operator, clock.Next());

    /// <summary>An incident brought to <paramref name="status"/> by the public methods only.</summary>
    public static Incident IncidentAt(IncidentStatus status, StepClock clock)
    {
        var incident = OpenIncident(clock);
        foreach (var step in PathTo(status))
            MoveVia(incident, step, clock.Next());
        Assert.That(incident.Status, Is.EqualTo(status), "test setup did not reach the wanted status");
        return incident;
    }

    /// <summary>Calls the public method whose transition targets <paramref name="target"/>.</summary>
    public static void MoveVia(Incident incident, IncidentStatus target, DateTimeOffset at)
    {
        switch (target)
        {
            case IncidentStatus.Pending: incident.ReleaseUnit(at); break;
            case IncidentStatus.Dispatched: incident.AssignUnit(UnitId, at); break;
            case IncidentStatus.Acknowledged: incident.Acknowledge(at); break;
            case IncidentStatus.EnRoute: incident.ApplyCrewStatus(CrewStatus.EnRoute, at); break;
            case IncidentStatus.OnScene: incident.ApplyCrewStatus(CrewStatus.OnScene, at); break;
            case IncidentStatus.Transporting: incident.ApplyCrewStatus(CrewStatus.Transporting, at, HospitalId); break;
            case IncidentStatus.AtDestination: incident.ApplyCrewStatus(CrewStatus.AtDestination, at); break;
            case IncidentStatus.Handover: incident.ApplyCrewStatus(CrewStatus.Handover, at); break;
            case IncidentStatus.Cleared: incident.ApplyCrewStatus(CrewStatus.Available, at); break;
            case IncidentStatus.Closed: incident.Close(at); break;
            case IncidentStatus.Cancelled: incident.Cancel("caller reports patient taken by family", at); break;
            default: throw new ArgumentOutOfRangeException(nameof(target), target, null);
        }
    }

    private static IncidentStatus[] PathTo(IncidentStatus status) => status switch
    {
        IncidentStatus.Pending => [],
        IncidentStatus.Dispatched => [IncidentStatus.Dispatched],
        IncidentStatus.Acknowledged => [IncidentStatus.Dispatched, IncidentStatus.Acknowledged],
        IncidentStatus.EnRoute => [IncidentStatus.Dispatched, IncidentStatus.EnRoute],
        IncidentStatus.OnScene => [.. PathTo(IncidentStatus.EnRoute), IncidentStatus.OnScene],
        IncidentStatus.Transporting => [.. PathTo(IncidentStatus.OnScene), IncidentStatus.Transporting],
        IncidentStatus.AtDestination => [.. PathTo(IncidentStatus.Transporting), IncidentStatus.AtDestination],
        IncidentStatus.Handover => [.. PathTo(IncidentStatus.AtDestination), IncidentStatus.Handover],
        IncidentStatus.Cleared => [.. PathTo(IncidentStatus.OnScene), IncidentStatus.Cleared],
        IncidentStatus.Closed => [.. PathTo(IncidentStatus.Cleared), IncidentStatus.Closed],
        IncidentStatus.Cancelled => [IncidentStatus.Cancelled],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
