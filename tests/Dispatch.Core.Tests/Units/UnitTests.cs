using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Units;

public sealed class UnitTests
{
    private const long IncidentId = 501;

    private static readonly UnitStatus[] Idle =
        [UnitStatus.AvailableAtStation, UnitStatus.AvailableOnRoad, UnitStatus.Returning, UnitStatus.OutOfService];

    /// <summary>The unit lifecycle as specified: everything not listed here is illegal.</summary>
    private static readonly HashSet<(UnitStatus From, UnitStatus To)> Legal =
    [
        (UnitStatus.AvailableAtStation, UnitStatus.Assigned),
        (UnitStatus.AvailableAtStation, UnitStatus.AvailableOnRoad),
        (UnitStatus.AvailableAtStation, UnitStatus.Returning),
        (UnitStatus.AvailableAtStation, UnitStatus.OutOfService),
        (UnitStatus.AvailableOnRoad, UnitStatus.Assigned),
        (UnitStatus.AvailableOnRoad, UnitStatus.AvailableAtStation),
        (UnitStatus.AvailableOnRoad, UnitStatus.Returning),
        (UnitStatus.AvailableOnRoad, UnitStatus.OutOfService),
        (UnitStatus.Returning, UnitStatus.Assigned),
        (UnitStatus.Returning, UnitStatus.AvailableAtStation),
        (UnitStatus.Returning, UnitStatus.AvailableOnRoad),
        (UnitStatus.Returning, UnitStatus.OutOfService),
        (UnitStatus.Assigned, UnitStatus.EnRoute),
        (UnitStatus.Assigned, UnitStatus.AvailableOnRoad),
        (UnitStatus.Assigned, UnitStatus.OutOfService),
        (UnitStatus.EnRoute, UnitStatus.OnScene),
        (UnitStatus.EnRoute, UnitStatus.AvailableOnRoad),
        (UnitStatus.OnScene, UnitStatus.Transporting),
        (UnitStatus.OnScene, UnitStatus.AvailableOnRoad),
        (UnitStatus.OnScene, UnitStatus.Returning),
        (UnitStatus.Transporting, UnitStatus.AtDestination),
        (UnitStatus.Transporting, UnitStatus.AvailableOnRoad),
        (UnitStatus.AtDestination, UnitStatus.AvailableOnRoad),
        (UnitStatus.AtDestination, UnitStatus.Returning),
        (UnitStatus.OutOfService, UnitStatus.AvailableAtStation),
        (UnitStatus.OutOfService, UnitStatus.AvailableOnRoad),
    ];

    private static IEnumerable<TestCaseData> AllPairs() =>
        from a in Enum.GetValues<UnitStatus>()
        from b in Enum.GetValues<UnitStatus>()
        select new TestCaseData(a, b).SetArgDisplayNames($"{a}->{b}");

    private static Unit NewUnit(UnitType type = UnitType.Als) => new("SOLOK-1", "BA 1119 QA", type, homeStationId: 1);

    /// <summary>A unit brought to <paramref name="status"/> by the public methods only.</summary>
    private static Unit UnitAt(UnitStatus status)
    {
        var unit = NewUnit();
        CrewStatus[] crew = status switch
        {
            UnitStatus.EnRoute => [CrewStatus.EnRoute],
            UnitStatus.OnScene => [CrewStatus.EnRoute, CrewStatus.OnScene],
            UnitStatus.Transporting => [CrewStatus.EnRoute, CrewStatus.OnScene, CrewStatus.Transporting],
            UnitStatus.AtDestination => [CrewStatus.EnRoute, CrewStatus.OnScene, CrewStatus.Transporting, CrewStatus.AtDestination],
            _ => [],
        };
        if (status == UnitStatus.Assigned || crew.Length > 0)
            unit.AssignTo(IncidentId);
        else
            unit.SetIdleStatus(status);
        foreach (var c in crew) unit.ApplyCrewStatus(c);
        Assert.That(unit.Status, Is.EqualTo(status), "test setup did not reach the wanted status");
        return unit;
    }

    [TestCaseSource(nameof(AllPairs))]
    public void CanMove_follows_the_lifecycle(UnitStatus from, UnitStatus to) =>
        Assert.That(Unit.CanMove(from, to), Is.EqualTo(Legal.Contains((from, to))));

    [Test]
    public void A_new_unit_waits_at_its_station()
    {
        var unit = NewUnit(UnitType.Bls);

        Assert.Multiple(() =>
        {
            Assert.That(unit.Status, Is.EqualTo(UnitStatus.AvailableAtStation));
            Assert.That(unit.Type, Is.EqualTo(UnitType.Bls));
            Assert.That(unit.IncidentId, Is.Null);
            Assert.That(unit.LastPosition, Is.Null);
        });
    }

    [TestCase(UnitStatus.AvailableAtStation)]
    [TestCase(UnitStatus.AvailableOnRoad)]
    [TestCase(UnitStatus.Returning)]
    public void An_available_unit_can_be_assigned(UnitStatus status)
    {
        var unit = UnitAt(status);

        unit.AssignTo(IncidentId);

        Assert.That(unit.Status, Is.EqualTo(UnitStatus.Assigned));
        Assert.That(unit.IncidentId, Is.EqualTo(IncidentId));
    }

    [TestCase(UnitStatus.Assigned)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.Transporting)]
    [TestCase(UnitStatus.AtDestination)]
    [TestCase(UnitStatus.OutOfService)]
    public void A_busy_or_out_of_service_unit_cannot_be_assigned(UnitStatus status)
    {
        var unit = UnitAt(status);
        var incidentBefore = unit.IncidentId;

        var ex = Assert.Throws<RuleViolation>(() => unit.AssignTo(999));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("unit-busy"));
            Assert.That(unit.Status, Is.EqualTo(status));
            Assert.That(unit.IncidentId, Is.EqualTo(incidentBefore));
        });
    }

    [Test]
    public void Crew_reports_move_the_unit_through_a_transport_and_free_it()
    {
        var unit = UnitAt(UnitStatus.Assigned);
        (CrewStatus Report, UnitStatus Expected, long? Incident)[] steps =
        [
            (CrewStatus.EnRoute, UnitStatus.EnRoute, IncidentId),
            (CrewStatus.OnScene, UnitStatus.OnScene, IncidentId),
            (CrewStatus.Transporting, UnitStatus.Transporting, IncidentId),
            (CrewStatus.AtDestination, UnitStatus.AtDestination, IncidentId),
            (CrewStatus.Handover, UnitStatus.AtDestination, IncidentId),
            (CrewStatus.Available, UnitStatus.AvailableOnRoad, null),
        ];
        foreach (var (report, expected, incident) in steps)
        {
            unit.ApplyCrewStatus(report);
            Assert.That(unit.Status, Is.EqualTo(expected), $"after {report}");
            Assert.That(unit.IncidentId, Is.EqualTo(incident), $"after {report}");
        }
    }

    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.AtDestination)]
    public void Returning_frees_the_unit(UnitStatus from)
    {
        var unit = UnitAt(from);

        unit.ApplyCrewStatus(CrewStatus.Returning);

        Assert.That(unit.Status, Is.EqualTo(UnitStatus.Returning));
        Assert.That(unit.IncidentId, Is.Null);
        Assert.That(unit.Status.IsAvailable(), Is.True);
    }

    [TestCase(UnitStatus.AvailableAtStation, CrewStatus.EnRoute)]
    [TestCase(UnitStatus.Assigned, CrewStatus.OnScene)]
    [TestCase(UnitStatus.EnRoute, CrewStatus.Transporting)]
    [TestCase(UnitStatus.Transporting, CrewStatus.Returning)]
    [TestCase(UnitStatus.OutOfService, CrewStatus.EnRoute)]
    public void Crew_report_out_of_order_is_refused(UnitStatus from, CrewStatus report)
    {
        var unit = UnitAt(from);
        var incidentBefore = unit.IncidentId;

        var ex = Assert.Throws<RuleViolation>(() => unit.ApplyCrewStatus(report));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));
            Assert.That(unit.Status, Is.EqualTo(from));
            Assert.That(unit.IncidentId, Is.EqualTo(incidentBefore));
        });
    }

    [TestCase(UnitStatus.Assigned)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.Transporting)]
    [TestCase(UnitStatus.AtDestination)]
    [TestCase(UnitStatus.OutOfService)]
    public void Release_frees_the_unit_on_the_road(UnitStatus from)
    {
        // An operator may release a unit in any state of its response (issue 13), e.g. a
        // transport handed over to another ambulance on the way.
        var unit = UnitAt(from);

        unit.Release();

        Assert.That(unit.Status, Is.EqualTo(UnitStatus.AvailableOnRoad));
        Assert.That(unit.IncidentId, Is.Null);
    }

    [TestCase(UnitStatus.Assigned)]
    [TestCase(UnitStatus.EnRoute)]
    public void A_unit_on_its_way_is_diverted_and_notified_again(UnitStatus from)
    {
        var unit = UnitAt(from);

        unit.DivertTo(IncidentId + 1);

        Assert.That((unit.Status, unit.IncidentId), Is.EqualTo((UnitStatus.Assigned, (long?)(IncidentId + 1))));
    }

    [TestCase(UnitStatus.AvailableAtStation)]
    [TestCase(UnitStatus.AvailableOnRoad)]
    [TestCase(UnitStatus.Returning)]
    [TestCase(UnitStatus.OutOfService)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.Transporting)]
    [TestCase(UnitStatus.AtDestination)]
    public void Only_a_unit_on_its_way_can_be_diverted(UnitStatus from)
    {
        var unit = UnitAt(from);
        var incidentBefore = unit.IncidentId;

        var ex = Assert.Throws<RuleViolation>(() => unit.DivertTo(IncidentId + 1));

        Assert.That(ex!.Code, Is.EqualTo("divert-not-allowed"));
        Assert.That((unit.Status, unit.IncidentId), Is.EqualTo((from, incidentBefore)));
    }

    [Test]
    public void A_declined_unit_is_out_of_service_until_put_back()
    {
        var unit = UnitAt(UnitStatus.Assigned);

        unit.Decline();

        Assert.That((unit.Status, unit.IncidentId), Is.EqualTo((UnitStatus.OutOfService, (long?)null)));
        Assert.That(unit.Status.IsAvailable(), Is.False, "not recommended until the crew or an admin puts it back");
        unit.SetIdleStatus(UnitStatus.AvailableAtStation);
        Assert.That(unit.Status, Is.EqualTo(UnitStatus.AvailableAtStation));
    }

    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.Transporting)]
    [TestCase(UnitStatus.AtDestination)]
    public void A_unit_that_set_off_cannot_decline(UnitStatus from)
    {
        var unit = UnitAt(from);

        var ex = Assert.Throws<RuleViolation>(unit.Decline);

        Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));
        Assert.That((unit.Status, unit.IncidentId), Is.EqualTo((from, (long?)IncidentId)));
    }

    [TestCase(UnitStatus.AvailableAtStation, UnitStatus.AvailableOnRoad)]
    [TestCase(UnitStatus.AvailableOnRoad, UnitStatus.AvailableAtStation)]
    [TestCase(UnitStatus.Returning, UnitStatus.AvailableAtStation)]
    [TestCase(UnitStatus.AvailableAtStation, UnitStatus.OutOfService)]
    [TestCase(UnitStatus.OutOfService, UnitStatus.AvailableAtStation)]
    [TestCase(UnitStatus.AvailableOnRoad, UnitStatus.AvailableOnRoad)]
    public void SetIdleStatus_moves_a_unit_without_an_incident(UnitStatus from, UnitStatus to)
    {
        var unit = UnitAt(from);

        unit.SetIdleStatus(to);

        Assert.That(unit.Status, Is.EqualTo(to));
    }

    [Test]
    public void SetIdleStatus_refuses_an_illegal_move()
    {
        var unit = UnitAt(UnitStatus.OutOfService);

        var ex = Assert.Throws<RuleViolation>(() => unit.SetIdleStatus(UnitStatus.Returning));

        Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));
        Assert.That(unit.Status, Is.EqualTo(UnitStatus.OutOfService));
    }

    [TestCase(UnitStatus.Assigned)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.AtDestination)]
    public void SetIdleStatus_is_refused_while_the_unit_is_on_an_incident(UnitStatus from)
    {
        var unit = UnitAt(from);

        foreach (var to in Idle)
        {
            var ex = Assert.Throws<RuleViolation>(() => unit.SetIdleStatus(to), $"to {to}");
            Assert.That(ex!.Code, Is.EqualTo("unit-busy"));
        }
        Assert.That(unit.Status, Is.EqualTo(from));
        Assert.That(unit.IncidentId, Is.EqualTo(IncidentId));
    }

    [TestCase(UnitStatus.Assigned)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.Transporting)]
    [TestCase(UnitStatus.AtDestination)]
    public void SetIdleStatus_cannot_put_a_unit_into_an_incident_status(UnitStatus to)
    {
        // Busy statuses come only from an assignment and the crew's reports, never without an incident.
        var unit = UnitAt(UnitStatus.AvailableAtStation);

        var ex = Assert.Throws<RuleViolation>(() => unit.SetIdleStatus(to));

        Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));
        Assert.That(unit.Status, Is.EqualTo(UnitStatus.AvailableAtStation));
    }

    [Test]
    public void ReportPosition_keeps_the_newest_position_only()
    {
        var unit = NewUnit();
        var first = new GeoPoint(-0.79, 100.65);
        var older = new GeoPoint(-0.70, 100.60);
        var newer = new GeoPoint(-0.78, 100.66);

        Assert.That(unit.ReportPosition(first, 12, T0), Is.True);
        Assert.That(unit.ReportPosition(older, 5, T0.AddSeconds(-30)), Is.False, "older report");
        Assert.That(unit.ReportPosition(older, 5, T0), Is.False, "same timestamp");
        Assert.Multiple(() =>
        {
            Assert.That(unit.LastPosition, Is.EqualTo(first));
            Assert.That(unit.LastAccuracyMeters, Is.EqualTo(12));
            Assert.That(unit.LastPositionAt, Is.EqualTo(T0));
        });

        Assert.That(unit.ReportPosition(newer, null, T0.AddSeconds(30)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(unit.LastPosition, Is.EqualTo(newer));
            Assert.That(unit.LastAccuracyMeters, Is.Null);
            Assert.That(unit.LastPositionAt, Is.EqualTo(T0.AddSeconds(30)));
        });
    }

    [TestCase(-1)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void ReportPosition_drops_an_invalid_accuracy(double accuracy)
    {
        var unit = NewUnit();

        unit.ReportPosition(Scene, accuracy, T0);

        Assert.That(unit.LastPosition, Is.EqualTo(Scene));
        Assert.That(unit.LastAccuracyMeters, Is.Null);
    }

    [TestCase(90.5, 100.6)]
    [TestCase(-0.79, -180.5)]
    [TestCase(double.NaN, 100.6)]
    [TestCase(-0.79, double.NegativeInfinity)]
    public void ReportPosition_rejects_an_invalid_point(double lat, double lon)
    {
        var unit = NewUnit();
        unit.ReportPosition(Scene, 10, T0);

        var ex = Assert.Throws<RuleViolation>(() => unit.ReportPosition(new GeoPoint(lat, lon), 10, T0.AddMinutes(1)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("invalid-position"));
            Assert.That(unit.LastPosition, Is.EqualTo(Scene));
            Assert.That(unit.LastPositionAt, Is.EqualTo(T0));
        });
    }
}
