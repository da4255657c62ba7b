using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Units;

/// <summary>The steps offered to a crew are exactly the ones the lifecycles accept.</summary>
public sealed class CrewStepsTests
{
    private static IEnumerable<TestCaseData> IncidentPairs() =>
        from s in Enum.GetValues<IncidentStatus>()
        from c in Enum.GetValues<CrewStatus>()
        select new TestCaseData(s, c).SetArgDisplayNames($"{s}+{c}");

    [TestCaseSource(nameof(IncidentPairs))]
    public void A_report_is_offered_on_an_incident_exactly_when_the_incident_accepts_it(IncidentStatus from, CrewStatus report)
    {
        var clock = Clock();
        var incident = IncidentAt(from, clock);
        bool accepted;
        try
        {
            incident.ApplyCrewStatus(report, clock.Next(), HospitalId);
            accepted = true;
        }
        catch (RuleViolation)
        {
            accepted = false;
        }
        Assert.That(CrewSteps.OnIncident(from).Contains(report), Is.EqualTo(accepted));
    }

    [TestCase(IncidentStatus.Dispatched, new[] { CrewStatus.EnRoute })]
    [TestCase(IncidentStatus.Acknowledged, new[] { CrewStatus.EnRoute })]
    [TestCase(IncidentStatus.EnRoute, new[] { CrewStatus.OnScene })]
    [TestCase(IncidentStatus.OnScene, new[] { CrewStatus.Transporting, CrewStatus.Available, CrewStatus.Returning })]
    [TestCase(IncidentStatus.Transporting, new[] { CrewStatus.AtDestination })]
    [TestCase(IncidentStatus.AtDestination, new[] { CrewStatus.Handover, CrewStatus.Available, CrewStatus.Returning })]
    [TestCase(IncidentStatus.Handover, new[] { CrewStatus.Available, CrewStatus.Returning })]
    [TestCase(IncidentStatus.Cleared, new CrewStatus[0])]
    [TestCase(IncidentStatus.Cancelled, new CrewStatus[0])]
    public void Steps_come_in_lifecycle_order(IncidentStatus from, CrewStatus[] expected) =>
        Assert.That(CrewSteps.OnIncident(from), Is.EqualTo(expected));

    [Test]
    public void Only_a_dispatched_incident_can_be_acknowledged([Values] IncidentStatus from)
    {
        var clock = Clock();
        var incident = IncidentAt(from, clock);
        var accepted = true;
        try { incident.Acknowledge(clock.Next()); }
        catch (RuleViolation) { accepted = false; }
        Assert.That(CrewSteps.CanAcknowledge(from), Is.EqualTo(accepted));
        Assert.That(accepted, Is.EqualTo(from == IncidentStatus.Dispatched));
    }

    private static IEnumerable<TestCaseData> IdlePairs() =>
        from s in new[] { UnitStatus.AvailableAtStation, UnitStatus.AvailableOnRoad, UnitStatus.Returning, UnitStatus.OutOfService }
        from c in Enum.GetValues<CrewStatus>()
        select new TestCaseData(s, c).SetArgDisplayNames($"{s}+{c}");

    [TestCaseSource(nameof(IdlePairs))]
    public void A_report_is_offered_to_an_idle_unit_exactly_when_it_moves_the_unit(UnitStatus from, CrewStatus report)
    {
        var unit = new Unit("SOLOK-1", "BA 1119 QA", UnitType.Als, homeStationId: 1);
        unit.SetIdleStatus(from);
        var moved = CrewSteps.IdleUnitStatusFor(report) is { } next && Moves(unit, next);
        Assert.That(CrewSteps.Idle(from).Contains(report), Is.EqualTo(moved));
    }

    private static bool Moves(Unit unit, UnitStatus next)
    {
        var before = unit.Status;
        try { unit.SetIdleStatus(next); }
        catch (RuleViolation) { return false; }
        return unit.Status != before;
    }

    [Test]
    public void What_follows_each_step_is_what_its_status_allows()
    {
        var after = CrewSteps.AfterOnIncident();
        Assert.That(after[CrewSteps.Acknowledge], Is.EqualTo(new[] { CrewStatus.EnRoute }));
        Assert.That(after["onScene"], Is.EqualTo(new[] { CrewStatus.Transporting, CrewStatus.Available, CrewStatus.Returning }));
        Assert.That(after["available"], Is.Empty, "a finished task offers nothing more on the incident");
        Assert.That(after.ContainsKey("atStation"), Is.False, "at station needs no incident");
        Assert.That(CrewSteps.AfterIdle()["available"], Is.EqualTo(new[] { CrewStatus.Returning, CrewStatus.AtStation }));
    }

    [Test]
    public void Available_and_returning_end_the_task_and_nothing_else_does() =>
        Assert.That(Enum.GetValues<CrewStatus>().Where(CrewSteps.EndsTask), Is.EqualTo(new[] { CrewStatus.Available, CrewStatus.Returning }));
}
