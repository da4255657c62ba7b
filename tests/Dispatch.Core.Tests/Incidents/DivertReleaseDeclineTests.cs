using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Incidents;

/// <summary>A unit leaving an incident: diverted elsewhere, released by an operator, declined by its crew.</summary>
public sealed class DivertReleaseDeclineTests
{
    private const long NewIncidentId = 202;

    private static (Incident From, Incident To, Response Leaving, StepClock Clock) Committed(ResponseStatus status, Triage from = Triage.Hijau, Triage to = Triage.Merah)
    {
        var clock = Clock();
        var old = OpenIncident(clock, from);
        var leaving = Advance(old, UnitId, status, clock);
        var target = OpenIncident(clock, to, NewIncidentId);
        return (old, target, leaving, clock);
    }

    [TestCase(ResponseStatus.Dispatched)]
    [TestCase(ResponseStatus.Acknowledged)]
    [TestCase(ResponseStatus.EnRoute)]
    public void A_unit_not_yet_on_scene_is_diverted(ResponseStatus status)
    {
        var (old, target, leaving, clock) = Committed(status);
        var at = clock.Next();

        var arriving = target.DivertHere(old, UnitId, CallSignOf(UnitId), false, OtherOperator, at);

        Assert.Multiple(() =>
        {
            Assert.That((leaving.Status, leaving.EndReason, leaving.EndedAt, leaving.DivertedToIncidentId),
                Is.EqualTo((ResponseStatus.Ended, (ResponseEnd?)ResponseEnd.Diverted, (DateTimeOffset?)at, (long?)NewIncidentId)));
            Assert.That(old.Status, Is.EqualTo(IncidentStatus.Pending));
            Assert.That(old.WaitingForUnit, Is.True);
            Assert.That(old.ActiveResponseOf(UnitId), Is.Null);
            Assert.That((arriving.Status, arriving.NotifiedAt, arriving.NotifiedBy, arriving.IncidentId),
                Is.EqualTo((ResponseStatus.Dispatched, at, OtherOperator, NewIncidentId)));
            Assert.That(target.Status, Is.EqualTo(IncidentStatus.Dispatched));
            Assert.That(target.UnitNotifiedAt, Is.EqualTo(at));
            Assert.That(target.ActiveResponseOf(UnitId), Is.SameAs(arriving));
        });
    }

    [TestCase(ResponseStatus.OnScene)]
    [TestCase(ResponseStatus.Transporting)]
    [TestCase(ResponseStatus.AtDestination)]
    [TestCase(ResponseStatus.Handover)]
    public void A_unit_that_reached_the_scene_cannot_be_diverted(ResponseStatus status)
    {
        var (old, target, _, clock) = Committed(status);
        var (oldBefore, targetBefore) = (Snapshot(old), Snapshot(target));

        var ex = Assert.Throws<RuleViolation>(() => target.DivertHere(old, UnitId, CallSignOf(UnitId), true, Operator, clock.Next()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("divert-not-allowed"));
            Assert.That(Snapshot(old), Is.EqualTo(oldBefore));
            Assert.That(Snapshot(target), Is.EqualTo(targetBefore));
        });
    }

    [TestCase(Triage.Merah, Triage.Kuning)]
    [TestCase(Triage.Merah, Triage.Hijau)]
    [TestCase(Triage.Kuning, Triage.Hijau)]
    [TestCase(Triage.Merah, Triage.Hitam)]
    [TestCase(Triage.Hijau, Triage.Hitam)]
    public void Diverting_to_a_less_urgent_incident_needs_confirmation(Triage from, Triage to)
    {
        var (old, target, leaving, clock) = Committed(ResponseStatus.EnRoute, from, to);
        var (oldBefore, targetBefore) = (Snapshot(old), Snapshot(target));

        var ex = Assert.Throws<RuleViolation>(() => target.DivertHere(old, UnitId, CallSignOf(UnitId), false, Operator, clock.Next()));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("divert-lower-priority"));
            Assert.That(Snapshot(old), Is.EqualTo(oldBefore));
            Assert.That(Snapshot(target), Is.EqualTo(targetBefore));
        });

        target.DivertHere(old, UnitId, CallSignOf(UnitId), true, Operator, clock.Next());

        Assert.That(leaving.EndReason, Is.EqualTo(ResponseEnd.Diverted));
        Assert.That(target.Status, Is.EqualTo(IncidentStatus.Dispatched));
    }

    [TestCase(Triage.Hijau, Triage.Merah)]
    [TestCase(Triage.Kuning, Triage.Kuning)]
    [TestCase(Triage.Hitam, Triage.Hijau)]
    [TestCase(Triage.Hitam, Triage.Hitam)]
    public void Diverting_to_an_incident_as_urgent_or_more_needs_no_confirmation(Triage from, Triage to)
    {
        var (old, target, leaving, clock) = Committed(ResponseStatus.Acknowledged, from, to);

        target.DivertHere(old, UnitId, CallSignOf(UnitId), false, Operator, clock.Next());

        Assert.That(leaving.EndReason, Is.EqualTo(ResponseEnd.Diverted));
    }

    [Test]
    public void The_old_incident_keeps_its_status_when_another_unit_is_still_on_it()
    {
        var (old, target, _, clock) = Committed(ResponseStatus.EnRoute);
        Advance(old, SecondUnitId, ResponseStatus.Acknowledged, clock);

        target.DivertHere(old, UnitId, CallSignOf(UnitId), false, Operator, clock.Next());

        Assert.Multiple(() =>
        {
            Assert.That(old.Status, Is.EqualTo(IncidentStatus.Acknowledged));
            Assert.That(old.WaitingForUnit, Is.False);
            Assert.That(old.UnitId, Is.EqualTo(SecondUnitId));
        });
    }

    [Test]
    public void A_unit_not_on_the_incident_it_is_said_to_leave_is_refused()
    {
        var (old, target, _, clock) = Committed(ResponseStatus.EnRoute);
        var (oldBefore, targetBefore) = (Snapshot(old), Snapshot(target));

        var ex = Assert.Throws<RuleViolation>(() => target.DivertHere(old, SecondUnitId, CallSignOf(SecondUnitId), false, Operator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("no-assignment"));
        Assert.That((Snapshot(old), Snapshot(target)), Is.EqualTo((oldBefore, targetBefore)));
    }

    [Test]
    public void Diverting_to_the_incident_the_unit_is_on_is_refused()
    {
        var (old, _, _, clock) = Committed(ResponseStatus.EnRoute);
        var before = Snapshot(old);

        var ex = Assert.Throws<RuleViolation>(() => old.DivertHere(old, UnitId, CallSignOf(UnitId), false, Operator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("unit-already-assigned"));
        Assert.That(Snapshot(old), Is.EqualTo(before));
    }

    [Test]
    public void Diverting_to_a_closed_or_cancelled_incident_is_refused()
    {
        var (old, target, _, clock) = Committed(ResponseStatus.EnRoute);
        target.Cancel("duplicate", clock.Next());
        var before = Snapshot(old);

        var ex = Assert.Throws<RuleViolation>(() => target.DivertHere(old, UnitId, CallSignOf(UnitId), false, Operator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("incident-inactive"));
        Assert.That(Snapshot(old), Is.EqualTo(before));
    }

    [Test]
    public void A_divert_time_before_the_units_last_time_point_is_refused_and_changes_neither_incident()
    {
        var (old, target, leaving, _) = Committed(ResponseStatus.EnRoute);
        var (oldBefore, targetBefore) = (Snapshot(old), Snapshot(target));

        var ex = Assert.Throws<RuleViolation>(() => target.DivertHere(old, UnitId, CallSignOf(UnitId), false, Operator, leaving.EnRouteAt!.Value.AddSeconds(-1)));

        Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
        Assert.That((Snapshot(old), Snapshot(target)), Is.EqualTo((oldBefore, targetBefore)));
    }

    [Test]
    public void A_divert_time_before_the_new_incident_was_created_is_refused_and_changes_neither_incident()
    {
        // The unit's last time point is before the new incident: a time between the two passes the
        // unit's check but not the new incident's.
        var (old, target, leaving, _) = Committed(ResponseStatus.EnRoute);
        var at = target.CreatedAt!.Value.AddSeconds(-1);
        Assert.That(at, Is.GreaterThan(leaving.Latest), "test setup: a time after the unit's last time point");
        var (oldBefore, targetBefore) = (Snapshot(old), Snapshot(target));

        var ex = Assert.Throws<RuleViolation>(() => target.DivertHere(old, UnitId, CallSignOf(UnitId), false, Operator, at));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
            Assert.That(Snapshot(old), Is.EqualTo(oldBefore), "the unit must not leave an incident it cannot join the other one");
            Assert.That(Snapshot(target), Is.EqualTo(targetBefore));
        });
    }

    [TestCase(ResponseStatus.Dispatched)]
    [TestCase(ResponseStatus.Acknowledged)]
    [TestCase(ResponseStatus.EnRoute)]
    [TestCase(ResponseStatus.OnScene)]
    [TestCase(ResponseStatus.Transporting)]
    [TestCase(ResponseStatus.AtDestination)]
    [TestCase(ResponseStatus.Handover)]
    public void A_unit_is_released_in_any_active_state_with_its_reason(ResponseStatus status)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var response = Advance(incident, UnitId, status, clock);
        var at = clock.Next();

        incident.Release(UnitId, Reason, at);

        Assert.Multiple(() =>
        {
            Assert.That((response.Status, response.EndReason, response.EndNote, response.EndedAt),
                Is.EqualTo((ResponseStatus.Ended, (ResponseEnd?)ResponseEnd.Released, Reason, (DateTimeOffset?)at)));
            Assert.That(response.BackInServiceAt, Is.Null, "released, not back in service after the work");
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Pending));
            Assert.That(incident.BackInServiceAt, Is.Null);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t")]
    public void Release_and_decline_need_a_reason(string? reason)
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        var before = Snapshot(incident);

        var release = Assert.Throws<RuleViolation>(() => incident.Release(UnitId, reason!, clock.Next()));
        var decline = Assert.Throws<RuleViolation>(() => incident.Decline(UnitId, reason!, clock.Next()));

        Assert.That((release!.Code, decline!.Code), Is.EqualTo(("reason-required", "reason-required")));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }

    [Test]
    public void A_reason_longer_than_its_column_is_refused()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);

        var ex = Assert.Throws<RuleViolation>(() => incident.Release(UnitId, new string('x', TextLimits.ResponseReason + 1), clock.Next()));
        Assert.That(ex!.Code, Is.EqualTo("text-too-long"));

        incident.Release(UnitId, new string('x', TextLimits.ResponseReason), clock.Next());
        Assert.That(incident.Responses.Single().EndNote, Has.Length.EqualTo(TextLimits.ResponseReason));
    }

    [Test]
    public void Release_before_the_units_last_time_point_is_refused()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.OnScene, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Release(UnitId, Reason, incident.OnSceneAt!.Value.AddSeconds(-1)));

        Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }

    [Test]
    public void A_crew_declines_before_acknowledging_with_its_reason()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        var at = clock.Next();

        incident.Decline(UnitId, "ban bocor", at);

        var response = incident.Responses.Single();
        Assert.Multiple(() =>
        {
            Assert.That((response.Status, response.EndReason, response.EndNote, response.EndedAt, response.Via),
                Is.EqualTo((ResponseStatus.Ended, (ResponseEnd?)ResponseEnd.Declined, "ban bocor", (DateTimeOffset?)at, Response.ViaCrew)));
            Assert.That(incident.WaitingForUnit, Is.True);
        });
    }

    [TestCase(ResponseStatus.Acknowledged)]
    [TestCase(ResponseStatus.EnRoute)]
    [TestCase(ResponseStatus.OnScene)]
    [TestCase(ResponseStatus.Handover)]
    public void A_crew_cannot_decline_once_it_acknowledged(ResponseStatus status)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        Advance(incident, UnitId, status, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Decline(UnitId, "ban bocor", clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("decline-too-late"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }

    [Test]
    public void Decline_leaves_the_other_units_on_the_incident()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.EnRoute, clock);
        Advance(incident, SecondUnitId, ResponseStatus.Dispatched, clock);

        incident.Decline(SecondUnitId, "no ALS crew on board", clock.Next());

        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.EnRoute));
        Assert.That(incident.ActiveResponseOf(UnitId), Is.Not.Null);
    }
}
