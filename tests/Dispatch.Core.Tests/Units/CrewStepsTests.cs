using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Units;

/// <summary>The steps offered to a crew are exactly the ones the lifecycles accept.</summary>
public sealed class CrewStepsTests
{
    private static IEnumerable<TestCaseData> ResponsePairs() =>
        from s in Enum.GetValues<ResponseStatus>()
        from c in Enum.GetValues<CrewStatus>()
        select new TestCaseData(s, c).SetArgDisplayNames($"{s}+{c}");

    private static (Incident Incident, StepClock Clock) ResponseAt(ResponseStatus status)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        Assert.That(Advance(incident, UnitId, status, clock).Status, Is.EqualTo(status), "test setup");
        return (incident, clock);
    }

    private static bool Accepts(Action action)
    {
        try { action(); return true; }
        catch (RuleViolation) { return false; }
    }

    [TestCaseSource(nameof(ResponsePairs))]
    public void A_report_is_offered_on_a_response_exactly_when_the_incident_accepts_it(ResponseStatus from, CrewStatus report)
    {
        var (incident, clock) = ResponseAt(from);

        var accepted = Accepts(() => incident.ApplyStatus(UnitId, report, clock.Next(), HospitalId));

        Assert.That(CrewSteps.OnResponse(from).Contains(report), Is.EqualTo(accepted));
    }

    [TestCase(ResponseStatus.Dispatched, new[] { CrewStatus.EnRoute })]
    [TestCase(ResponseStatus.Acknowledged, new[] { CrewStatus.EnRoute })]
    [TestCase(ResponseStatus.EnRoute, new[] { CrewStatus.OnScene })]
    [TestCase(ResponseStatus.OnScene, new[] { CrewStatus.Transporting, CrewStatus.Available, CrewStatus.Returning })]
    [TestCase(ResponseStatus.Transporting, new[] { CrewStatus.AtDestination })]
    [TestCase(ResponseStatus.AtDestination, new[] { CrewStatus.Handover, CrewStatus.Available, CrewStatus.Returning })]
    [TestCase(ResponseStatus.Handover, new[] { CrewStatus.Available, CrewStatus.Returning })]
    [TestCase(ResponseStatus.Ended, new CrewStatus[0])]
    public void Steps_come_in_lifecycle_order(ResponseStatus from, CrewStatus[] expected) =>
        Assert.That(CrewSteps.OnResponse(from), Is.EqualTo(expected));

    [Test]
    public void Only_a_dispatched_response_can_be_acknowledged([Values] ResponseStatus from)
    {
        var (incident, clock) = ResponseAt(from);

        var accepted = Accepts(() => incident.Acknowledge(UnitId, clock.Next()));

        Assert.That(CrewSteps.CanAcknowledge(from), Is.EqualTo(accepted));
        Assert.That(accepted, Is.EqualTo(from == ResponseStatus.Dispatched));
    }

    [Test]
    public void Only_a_dispatched_response_can_be_declined([Values] ResponseStatus from)
    {
        var (incident, clock) = ResponseAt(from);

        var accepted = Accepts(() => incident.Decline(UnitId, "ban bocor", clock.Next()));

        Assert.That(CrewSteps.CanDecline(from), Is.EqualTo(accepted));
        Assert.That(accepted, Is.EqualTo(from == ResponseStatus.Dispatched));
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
        Assert.Multiple(() =>
        {
            Assert.That(after.Keys, Is.EquivalentTo(new[] { CrewSteps.Acknowledge, "enRoute", "onScene", "transporting", "atDestination", "handover", "available", "returning" }));
            Assert.That(after[CrewSteps.Acknowledge], Is.EqualTo(new[] { CrewStatus.EnRoute }));
            Assert.That(after["enRoute"], Is.EqualTo(new[] { CrewStatus.OnScene }));
            Assert.That(after["onScene"], Is.EqualTo(new[] { CrewStatus.Transporting, CrewStatus.Available, CrewStatus.Returning }));
            Assert.That(after["transporting"], Is.EqualTo(new[] { CrewStatus.AtDestination }));
            Assert.That(after["atDestination"], Is.EqualTo(new[] { CrewStatus.Handover, CrewStatus.Available, CrewStatus.Returning }));
            Assert.That(after["handover"], Is.EqualTo(new[] { CrewStatus.Available, CrewStatus.Returning }));
            Assert.That(after["available"], Is.Empty, "a finished task offers nothing more on the incident");
            Assert.That(after["returning"], Is.Empty);
            Assert.That(after.ContainsKey("atStation"), Is.False, "at station needs no incident");
            Assert.That(CrewSteps.AfterIdle()["available"], Is.EqualTo(new[] { CrewStatus.Returning, CrewStatus.AtStation }));
        });
    }

    [Test]
    public void What_follows_a_step_is_what_the_response_accepts_after_it()
    {
        // The phone offers the next step after a tap still waiting for signal: each must be a step
        // the response really accepts once the tap arrives.
        foreach (var (step, next) in CrewSteps.AfterOnIncident())
        {
            foreach (var report in Enum.GetValues<CrewStatus>())
            {
                var (incident, clock) = ResponseAt(ResponseStatus.Dispatched);
                if (step == CrewSteps.Acknowledge) incident.Acknowledge(UnitId, clock.Next());
                else if (!Accepts(() => ReachBy(incident, Enum.Parse<CrewStatus>(step, ignoreCase: true), clock))) continue;
                var accepted = Accepts(() => incident.ApplyStatus(UnitId, report, clock.Next(), HospitalId));
                Assert.That(next.Contains(report), Is.EqualTo(accepted), $"{step} then {report}");
            }
        }
    }

    /// <summary>Steps the dispatched response of <see cref="TestData.UnitId"/> forward until <paramref name="report"/> is made.</summary>
    private static void ReachBy(Incident incident, CrewStatus report, StepClock clock)
    {
        CrewStatus[] path = [CrewStatus.EnRoute, CrewStatus.OnScene, CrewStatus.Transporting, CrewStatus.AtDestination, CrewStatus.Handover];
        foreach (var step in path.TakeWhile(s => s != report))
        {
            if (report is CrewStatus.Available or CrewStatus.Returning && step == CrewStatus.Transporting) break;
            incident.ApplyStatus(UnitId, step, clock.Next(), HospitalId);
        }
        incident.ApplyStatus(UnitId, report, clock.Next(), HospitalId);
    }

    [Test]
    public void Available_and_returning_end_the_task_and_nothing_else_does() =>
        Assert.That(Enum.GetValues<CrewStatus>().Where(CrewSteps.EndsTask), Is.EqualTo(new[] { CrewStatus.Available, CrewStatus.Returning }));
}
