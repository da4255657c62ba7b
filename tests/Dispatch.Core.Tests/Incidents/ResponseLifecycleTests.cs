using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Incidents;

/// <summary>One unit's response, tried over every pair of statuses through the public methods.</summary>
public sealed class ResponseLifecycleTests
{
    /// <summary>The response lifecycle as specified: everything not listed here is illegal (a response starts Dispatched, by Assign).</summary>
    private static readonly HashSet<(ResponseStatus From, ResponseStatus To)> Legal =
    [
        (ResponseStatus.Dispatched, ResponseStatus.Acknowledged),
        (ResponseStatus.Dispatched, ResponseStatus.EnRoute),
        (ResponseStatus.Acknowledged, ResponseStatus.EnRoute),
        (ResponseStatus.EnRoute, ResponseStatus.OnScene),
        (ResponseStatus.OnScene, ResponseStatus.Transporting),
        (ResponseStatus.OnScene, ResponseStatus.Ended),
        (ResponseStatus.Transporting, ResponseStatus.AtDestination),
        (ResponseStatus.AtDestination, ResponseStatus.Handover),
        (ResponseStatus.AtDestination, ResponseStatus.Ended),
        (ResponseStatus.Handover, ResponseStatus.Ended),
    ];

    private static IEnumerable<TestCaseData> AllPairs() =>
        from a in Enum.GetValues<ResponseStatus>()
        from b in Enum.GetValues<ResponseStatus>()
        select new TestCaseData(a, b).SetArgDisplayNames($"{a}->{b}");

    /// <summary>Pairs whose target a crew or radio report reaches (Dispatched only by a new assignment).</summary>
    private static IEnumerable<TestCaseData> Reports() => AllPairs().Where(c => (ResponseStatus)c.Arguments[1]! != ResponseStatus.Dispatched);

    private static IEnumerable<TestCaseData> LegalPairs() => Reports().Where(IsLegal);

    private static IEnumerable<TestCaseData> IllegalPairs() => Reports().Where(c => !IsLegal(c));

    private static bool IsLegal(TestCaseData c) => Legal.Contains(((ResponseStatus)c.Arguments[0]!, (ResponseStatus)c.Arguments[1]!));

    private static (Incident Incident, Response Response, StepClock Clock) ResponseAt(ResponseStatus status)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var response = Advance(incident, UnitId, status, clock);
        Assert.That(response.Status, Is.EqualTo(status), "test setup did not reach the wanted status");
        return (incident, response, clock);
    }

    /// <summary>The response's own public method for a step (what the incident's methods call).</summary>
    private static void StepResponse(Response response, ResponseStatus to, DateTimeOffset at)
    {
        if (to == ResponseStatus.Acknowledged) response.Acknowledge(at);
        else response.Apply(ReportFor(to), at, HospitalId, Response.ViaCrew);
    }

    [TestCaseSource(nameof(AllPairs))]
    public void CanMove_follows_the_lifecycle(ResponseStatus from, ResponseStatus to) =>
        Assert.That(Response.CanMove(from, to), Is.EqualTo(Legal.Contains((from, to))));

    [TestCaseSource(nameof(LegalPairs))]
    public void Legal_transition_through_the_public_method_succeeds(ResponseStatus from, ResponseStatus to)
    {
        var (incident, response, clock) = ResponseAt(from);
        var at = clock.Next();

        Step(incident, UnitId, to, at);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(to));
            Assert.That(response.StatusSince, Is.EqualTo(at));
            Assert.That(response.Latest, Is.EqualTo(at));
            Assert.That(response.Via, Is.EqualTo(Response.ViaCrew));
        });
    }

    [TestCaseSource(nameof(IllegalPairs))]
    public void Illegal_transition_through_the_public_method_is_refused_and_changes_nothing(ResponseStatus from, ResponseStatus to)
    {
        var (incident, response, clock) = ResponseAt(from);
        var before = Snapshot(incident);

        var viaIncident = Assert.Throws<RuleViolation>(() => Step(incident, UnitId, to, clock.Next()));
        var viaResponse = Assert.Throws<RuleViolation>(() => StepResponse(response, to, clock.Next()));

        Assert.Multiple(() =>
        {
            // An ended response is no longer the unit's work on the incident: nothing to move.
            Assert.That(viaIncident!.Code, Is.EqualTo(from == ResponseStatus.Ended ? "no-assignment" : "illegal-transition"));
            Assert.That(viaResponse!.Code, Is.EqualTo("illegal-transition"));
            Assert.That(Snapshot(incident), Is.EqualTo(before));
        });
    }

    [Test]
    public void A_report_that_needs_no_incident_is_refused_on_a_response()
    {
        var (incident, _, clock) = ResponseAt(ResponseStatus.EnRoute);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.ApplyStatus(UnitId, CrewStatus.AtStation, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }

    [TestCase(ResponseEnd.Released)]
    [TestCase(ResponseEnd.Declined)]
    [TestCase(ResponseEnd.Diverted)]
    [TestCase(ResponseEnd.Cancelled)]
    [TestCase(ResponseEnd.Completed)]
    public void A_response_ended_in_any_way_refuses_every_step(ResponseEnd how)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var response = Advance(incident, UnitId, how == ResponseEnd.Completed ? ResponseStatus.OnScene : ResponseStatus.Dispatched, clock);
        switch (how)
        {
            case ResponseEnd.Released: incident.Release(UnitId, Reason, clock.Next()); break;
            case ResponseEnd.Declined: incident.Decline(UnitId, "ban bocor", clock.Next()); break;
            case ResponseEnd.Diverted: OpenIncident(clock, id: 202).DivertHere(incident, UnitId, "SOLOK-7", false, Operator, clock.Next()); break;
            case ResponseEnd.Cancelled: incident.Cancel("duplicate", clock.Next()); break;
            case ResponseEnd.Completed: incident.ApplyStatus(UnitId, CrewStatus.Available, clock.Next()); break;
        }
        Assert.That((response.Status, response.EndReason), Is.EqualTo((ResponseStatus.Ended, (ResponseEnd?)how)));
        var latest = response.Latest;

        foreach (var to in Enum.GetValues<ResponseStatus>().Where(s => s != ResponseStatus.Dispatched))
        {
            var ex = Assert.Throws<RuleViolation>(() => StepResponse(response, to, clock.Next()), $"{how}: {to}");
            Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));
        }
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(ResponseStatus.Ended));
            Assert.That(response.EndReason, Is.EqualTo(how));
            Assert.That(response.Latest, Is.EqualTo(latest));
            Assert.That(Assert.Throws<RuleViolation>(() => incident.Release(UnitId, Reason, clock.Next()))!.Code, Is.EqualTo("no-assignment"));
            Assert.That(Assert.Throws<RuleViolation>(() => incident.Decline(UnitId, Reason, clock.Next()))!.Code, Is.EqualTo("no-assignment"));
        });
    }

    [Test]
    public void Each_step_sets_its_own_time_point_once_and_leaves_the_others()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var notifiedAt = clock.Next();
        var response = Send(incident, UnitId, notifiedAt);
        Func<Response, DateTimeOffset?>[] points =
        [
            r => r.NotifiedAt, r => r.AcknowledgedAt, r => r.EnRouteAt, r => r.OnSceneAt, r => r.LeftSceneAt,
            r => r.AtDestinationAt, r => r.HandoverAt, r => r.BackInServiceAt, r => r.EndedAt,
        ];
        Assert.That(points.Select(p => p(response)), Is.EqualTo(new DateTimeOffset?[] { notifiedAt, null, null, null, null, null, null, null, null }));
        Assert.That(response.Via, Is.Null, "nothing reported yet");

        ResponseStatus[] steps = [ResponseStatus.Acknowledged, ResponseStatus.EnRoute, ResponseStatus.OnScene, ResponseStatus.Transporting, ResponseStatus.AtDestination, ResponseStatus.Handover, ResponseStatus.Ended];
        var expected = points.Select(p => p(response)).ToArray();
        for (var i = 0; i < steps.Length; i++)
        {
            var at = clock.Next();
            Step(incident, UnitId, steps[i], at, OtherHospitalId);
            expected[i + 1] = at;
            if (steps[i] == ResponseStatus.Ended) expected[8] = at; // back in service ends the response
            Assert.That(points.Select(p => p(response)), Is.EqualTo(expected), $"after {steps[i]}");
        }
        Assert.Multiple(() =>
        {
            Assert.That(response.DestinationId, Is.EqualTo(OtherHospitalId));
            Assert.That(response.EndReason, Is.EqualTo(ResponseEnd.Completed));
            Assert.That(response.IsCompleted, Is.True);
            Assert.That(response.IsActive, Is.False);
            Assert.That(response.EndNote, Is.Null);
        });
    }
}
