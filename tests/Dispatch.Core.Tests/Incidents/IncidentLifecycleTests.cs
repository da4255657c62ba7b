using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Incidents;

/// <summary>
/// The incident's status as its one unit (<see cref="TestData.UnitId"/>) moves, tried over every
/// pair of statuses through the public methods. Several units: <see cref="MultiUnitTests"/>.
/// </summary>
public sealed class IncidentLifecycleTests
{
    /// <summary>With one unit, everything not listed here is refused.</summary>
    private static readonly HashSet<(IncidentStatus From, IncidentStatus To)> Legal =
    [
        (IncidentStatus.Pending, IncidentStatus.Dispatched),
        (IncidentStatus.Pending, IncidentStatus.Cancelled),
        (IncidentStatus.Dispatched, IncidentStatus.Acknowledged),
        (IncidentStatus.Dispatched, IncidentStatus.EnRoute),
        (IncidentStatus.Dispatched, IncidentStatus.Pending),
        (IncidentStatus.Dispatched, IncidentStatus.Cancelled),
        (IncidentStatus.Acknowledged, IncidentStatus.EnRoute),
        (IncidentStatus.Acknowledged, IncidentStatus.Pending),
        (IncidentStatus.Acknowledged, IncidentStatus.Cancelled),
        (IncidentStatus.EnRoute, IncidentStatus.OnScene),
        (IncidentStatus.EnRoute, IncidentStatus.Pending),
        (IncidentStatus.EnRoute, IncidentStatus.Cancelled),
        (IncidentStatus.OnScene, IncidentStatus.Transporting),
        (IncidentStatus.OnScene, IncidentStatus.Cleared),
        (IncidentStatus.OnScene, IncidentStatus.Pending),
        (IncidentStatus.Transporting, IncidentStatus.AtDestination),
        (IncidentStatus.Transporting, IncidentStatus.Pending),
        (IncidentStatus.AtDestination, IncidentStatus.Handover),
        (IncidentStatus.AtDestination, IncidentStatus.Cleared),
        (IncidentStatus.AtDestination, IncidentStatus.Pending),
        (IncidentStatus.Handover, IncidentStatus.Cleared),
        (IncidentStatus.Handover, IncidentStatus.Pending),
        // Still active: the same unit (or another) can be sent again.
        (IncidentStatus.Cleared, IncidentStatus.Dispatched),
        (IncidentStatus.Cleared, IncidentStatus.Closed),
    ];

    private static readonly IncidentStatus[] UnitOnIt =
    [
        IncidentStatus.Dispatched, IncidentStatus.Acknowledged, IncidentStatus.EnRoute, IncidentStatus.OnScene,
        IncidentStatus.Transporting, IncidentStatus.AtDestination, IncidentStatus.Handover,
    ];

    private static IEnumerable<TestCaseData> AllPairs() =>
        from a in Enum.GetValues<IncidentStatus>()
        from b in Enum.GetValues<IncidentStatus>()
        select new TestCaseData(a, b).SetArgDisplayNames($"{a}->{b}");

    private static IEnumerable<TestCaseData> LegalPairs() => AllPairs().Where(IsLegal);

    private static IEnumerable<TestCaseData> IllegalPairs() => AllPairs().Where(c => !IsLegal(c));

    private static bool IsLegal(TestCaseData c) => Legal.Contains(((IncidentStatus)c.Arguments[0]!, (IncidentStatus)c.Arguments[1]!));

    /// <summary>Why the refusal: the unit's own step is illegal, or there is no unit to move, or it is there already.</summary>
    private static string RefusalCode(IncidentStatus from, IncidentStatus to) => (from, to) switch
    {
        (_, IncidentStatus.Closed or IncidentStatus.Cancelled) => "illegal-transition",
        (IncidentStatus.Closed or IncidentStatus.Cancelled, IncidentStatus.Dispatched) => "incident-inactive",
        (_, IncidentStatus.Dispatched) => "unit-already-assigned",
        _ when UnitOnIt.Contains(from) => "illegal-transition",
        _ => "no-assignment",
    };

    [TestCaseSource(nameof(LegalPairs))]
    public void Legal_transition_through_the_public_method_succeeds(IncidentStatus from, IncidentStatus to)
    {
        var clock = Clock();
        var incident = IncidentAt(from, clock);

        MoveVia(incident, to, clock.Next());

        Assert.That(incident.Status, Is.EqualTo(to));
    }

    [TestCaseSource(nameof(IllegalPairs))]
    public void Illegal_transition_through_the_public_method_is_refused_and_changes_nothing(IncidentStatus from, IncidentStatus to)
    {
        var clock = Clock();
        var incident = IncidentAt(from, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => MoveVia(incident, to, clock.Next()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(RefusalCode(from, to)));
            Assert.That(Snapshot(incident), Is.EqualTo(before));
        });
    }

    [Test]
    public void Closed_and_cancelled_refuse_every_action([Values(IncidentStatus.Closed, IncidentStatus.Cancelled)] IncidentStatus end)
    {
        foreach (var to in Enum.GetValues<IncidentStatus>())
        {
            var clock = Clock();
            var incident = IncidentAt(end, clock);
            Assert.Throws<RuleViolation>(() => MoveVia(incident, to, clock.Next()), $"{end}->{to}");
            Assert.That(incident.IsActive, Is.False);
        }
    }

    [Test]
    public void Returning_crew_also_clears_the_incident()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.OnScene, clock);
        var at = clock.Next();

        incident.ApplyStatus(UnitId, CrewStatus.Returning, at);

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Cleared));
            Assert.That(incident.BackInServiceAt, Is.EqualTo(at));
            Assert.That(incident.Responses.Single().EndReason, Is.EqualTo(ResponseEnd.Completed));
        });
    }

    [Test]
    public void Open_takes_the_call_times_and_the_operator_entry()
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        var at = clock.Next();

        var incident = Incident.Open(call, Details(triage: Triage.Kuning, patientCount: 2), Operator, at);

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Pending));
            Assert.That(incident.WaitingForUnit, Is.True);
            Assert.That(incident.StatusSince, Is.EqualTo(at));
            Assert.That(incident.Responses, Is.Empty);
            Assert.That(incident.IsActive, Is.True);
            Assert.That(incident.IsMajor, Is.False);
            Assert.That(incident.Priority, Is.EqualTo(Priority.P2));
            Assert.That(incident.PatientCount, Is.EqualTo(2));
            Assert.That(incident.Location, Is.EqualTo(Scene));
            Assert.That(incident.KelurahanCode, Is.EqualTo("13.72.02.1001"));
            Assert.That(incident.KecamatanName, Is.EqualTo("Tanjung Harapan"));
            Assert.That(incident.Address, Is.EqualTo("Jl. Lingkar Utara"));
            Assert.That(incident.Complaint, Is.EqualTo("sesak napas"));
            Assert.That(incident.CreatedBy, Is.EqualTo(Operator));
            Assert.That(incident.Times, Is.EqualTo(new IncidentTimes
            {
                CallReceived = call.ReceivedAt,
                CallAnswered = call.AnsweredAt,
                Created = at,
            }));
        });
    }

    [Test]
    public void Open_refuses_a_call_not_yet_answered()
    {
        var call = WaitingCall(T0);
        var ex = Assert.Throws<RuleViolation>(() => Incident.Open(call, Details(), Operator, T0.AddMinutes(1)));
        Assert.That(ex!.Code, Is.EqualTo("call-not-answered"));
    }

    [Test]
    public void Open_refuses_an_operator_who_did_not_answer_the_call()
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        var ex = Assert.Throws<RuleViolation>(() => Incident.Open(call, Details(), OtherOperator, clock.Next()));
        Assert.That(ex!.Code, Is.EqualTo("call-taken"));
    }

    [TestCase(91, 100.6)]
    [TestCase(-0.79, 180.5)]
    [TestCase(double.NaN, 100.6)]
    public void Open_refuses_an_invalid_location(double lat, double lon)
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        var ex = Assert.Throws<RuleViolation>(() => Incident.Open(call, Details(new GeoPoint(lat, lon)), Operator, clock.Next()));
        Assert.That(ex!.Code, Is.EqualTo("invalid-location"));
    }

    [TestCase(-1)]
    [TestCase(1001)]
    public void Open_refuses_an_impossible_patient_count(int count)
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        var ex = Assert.Throws<RuleViolation>(() => Incident.Open(call, Details(patientCount: count), Operator, clock.Next()));
        Assert.That(ex!.Code, Is.EqualTo("invalid-patient-count"));
    }

    [Test]
    public void Open_refuses_a_creation_time_before_the_call_was_answered()
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        var ex = Assert.Throws<RuleViolation>(() => Incident.Open(call, Details(), Operator, call.AnsweredAt!.Value.AddSeconds(-1)));
        Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
    }

    [Test]
    public void Each_time_point_is_set_once_by_the_transition_that_reaches_it()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);

        // Each step may change exactly the one time point it reaches, to the step's time.
        (IncidentStatus Target, Func<IncidentTimes, DateTimeOffset, IncidentTimes> Expect)[] steps =
        [
            (IncidentStatus.Dispatched, (t, at) => t with { UnitNotified = at }),
            (IncidentStatus.Acknowledged, (t, at) => t with { Acknowledged = at }),
            (IncidentStatus.EnRoute, (t, at) => t with { EnRoute = at }),
            (IncidentStatus.OnScene, (t, at) => t with { OnScene = at }),
            (IncidentStatus.Transporting, (t, at) => t with { LeftScene = at }),
            (IncidentStatus.AtDestination, (t, at) => t with { AtDestination = at }),
            (IncidentStatus.Handover, (t, at) => t with { Handover = at }),
            (IncidentStatus.Cleared, (t, at) => t with { BackInService = at }),
            (IncidentStatus.Closed, (t, at) => t with { Closed = at }),
        ];
        foreach (var (target, expect) in steps)
        {
            var before = incident.Times;
            var at = clock.Next();
            MoveVia(incident, target, at);
            Assert.That(incident.Times, Is.EqualTo(expect(before, at)), $"moving to {target}");
            Assert.That(incident.StatusSince, Is.EqualTo(at), $"status since, moving to {target}");
        }
        var response = incident.Responses.Single();
        Assert.Multiple(() =>
        {
            Assert.That(incident.IsActive, Is.False);
            Assert.That(incident.UnitId, Is.EqualTo(UnitId));
            Assert.That(incident.DestinationId, Is.EqualTo(HospitalId));
            Assert.That(incident.Times.Cancelled, Is.Null);
            // The one response carries the same time points as the incident.
            Assert.That(new[] { response.NotifiedAt, response.AcknowledgedAt, response.EnRouteAt, response.OnSceneAt, response.LeftSceneAt, response.AtDestinationAt, response.HandoverAt, response.BackInServiceAt },
                Is.EqualTo(new[] { incident.UnitNotifiedAt, incident.AcknowledgedAt, incident.EnRouteAt, incident.OnSceneAt, incident.LeftSceneAt, incident.AtDestinationAt, incident.HandoverAt, incident.BackInServiceAt }));
            Assert.That(response.EndedAt, Is.EqualTo(response.BackInServiceAt));
            Assert.That(response.EndReason, Is.EqualTo(ResponseEnd.Completed));
            Assert.That(response.CallSign, Is.EqualTo(CallSignOf(UnitId)));
            Assert.That(response.NotifiedBy, Is.EqualTo(Operator));
            Assert.That(response.IncidentId, Is.EqualTo(IncidentId));
        });
    }

    [Test]
    public void A_reassignment_keeps_the_first_notified_acknowledged_and_en_route_times()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Acknowledged, clock);
        MoveVia(incident, IncidentStatus.EnRoute, clock.Next());
        var first = incident.Times;

        incident.Release(UnitId, Reason, clock.Next());
        Assert.That(incident.UnitId, Is.Null);
        Assert.That(incident.Times, Is.EqualTo(first), "releasing the unit sets no time point");

        Send(incident, 99, clock.Next());
        incident.Acknowledge(99, clock.Next());
        incident.ApplyStatus(99, CrewStatus.EnRoute, clock.Next());

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.EnRoute));
            Assert.That(incident.UnitId, Is.EqualTo(99));
            Assert.That(incident.Times, Is.EqualTo(first));
            Assert.That(incident.Responses.Select(r => r.UnitId), Is.EqualTo(new long[] { UnitId, 99 }));
        });
    }

    [Test]
    public void Cancel_records_the_reason_and_the_time_and_ends_the_responses_on_their_way()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.EnRoute, clock);
        Advance(incident, SecondUnitId, ResponseStatus.Acknowledged, clock);
        var before = incident.Times;
        var at = clock.Next();

        incident.Cancel("duplicate of another incident", at);

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Cancelled));
            Assert.That(incident.CancelReason, Is.EqualTo("duplicate of another incident"));
            Assert.That(incident.Times, Is.EqualTo(before with { Cancelled = at }));
            Assert.That(incident.StatusSince, Is.EqualTo(at));
            Assert.That(incident.IsActive, Is.False);
            Assert.That(incident.WaitingForUnit, Is.False);
            Assert.That(incident.Responses.Select(r => (r.Status, r.EndReason, r.EndedAt)), Is.All.EqualTo((ResponseStatus.Ended, (ResponseEnd?)ResponseEnd.Cancelled, (DateTimeOffset?)at)));
        });
    }

    [Test]
    public void Cancel_leaves_ended_responses_as_they_ended()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        incident.Release(UnitId, Reason, clock.Next());
        Advance(incident, SecondUnitId, ResponseStatus.Dispatched, clock);

        incident.Cancel("caller hung up, no answer on call back", clock.Next());

        Assert.That(incident.Responses.Select(r => r.EndReason), Is.EqualTo(new ResponseEnd?[] { ResponseEnd.Released, ResponseEnd.Cancelled }));
    }

    [Test]
    public void Cancel_is_refused_once_any_unit_reached_the_scene()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        Advance(incident, SecondUnitId, ResponseStatus.OnScene, clock);
        incident.Release(SecondUnitId, Reason, clock.Next()); // the unit that was there left again
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Cancel("duplicate", clock.Next()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));
            Assert.That(Snapshot(incident), Is.EqualTo(before));
            Assert.That(incident.CancelReason, Is.Null);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Cancel_requires_a_reason(string? reason)
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Cancel(reason!, clock.Next()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("reason-required"));
            Assert.That(Snapshot(incident), Is.EqualTo(before));
            Assert.That(incident.CancelReason, Is.Null);
            Assert.That(incident.CancelledAt, Is.Null);
        });
    }

    [Test]
    public void Close_needs_every_unit_back_in_service()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        Advance(incident, SecondUnitId, ResponseStatus.Ended, clock);
        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Dispatched), "one unit is still on its way");

        var ex = Assert.Throws<RuleViolation>(() => incident.Close(clock.Next()));
        Assert.That(ex!.Code, Is.EqualTo("illegal-transition"));

        incident.Release(UnitId, Reason, clock.Next());
        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Cleared), "the other unit completed its work");
        var at = clock.Next();
        incident.Close(at);
        Assert.That((incident.Status, incident.ClosedAt), Is.EqualTo((IncidentStatus.Closed, (DateTimeOffset?)at)));
    }

    [Test]
    public void Transporting_requires_a_destination()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.OnScene, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.ApplyStatus(UnitId, CrewStatus.Transporting, clock.Next()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("destination-required"));
            Assert.That(Snapshot(incident), Is.EqualTo(before));
            Assert.That(incident.LeftSceneAt, Is.Null);
            Assert.That(incident.DestinationId, Is.Null);
        });
    }

    [Test]
    public void Transporting_with_a_destination_records_it_on_the_response_and_the_incident()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.OnScene, clock);

        incident.ApplyStatus(UnitId, CrewStatus.Transporting, clock.Next(), destinationId: 42);

        Assert.That(incident.DestinationId, Is.EqualTo(42));
        Assert.That(incident.Responses.Single().DestinationId, Is.EqualTo(42));
    }

    [TestCase(IncidentStatus.Pending, IncidentStatus.Dispatched)]
    [TestCase(IncidentStatus.Dispatched, IncidentStatus.Acknowledged)]
    [TestCase(IncidentStatus.EnRoute, IncidentStatus.OnScene)]
    [TestCase(IncidentStatus.OnScene, IncidentStatus.Transporting)]
    [TestCase(IncidentStatus.Handover, IncidentStatus.Cleared)]
    [TestCase(IncidentStatus.Cleared, IncidentStatus.Closed)]
    [TestCase(IncidentStatus.EnRoute, IncidentStatus.Cancelled)]
    [TestCase(IncidentStatus.Acknowledged, IncidentStatus.Pending)]
    public void A_time_before_the_latest_time_point_is_refused(IncidentStatus from, IncidentStatus to)
    {
        var clock = Clock();
        var incident = IncidentAt(from, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => MoveVia(incident, to, clock.Now.AddSeconds(-1)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
            Assert.That(Snapshot(incident), Is.EqualTo(before));
        });
    }

    [Test]
    public void A_time_equal_to_the_latest_time_point_is_accepted()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);

        incident.Acknowledge(UnitId, clock.Now);

        Assert.That(incident.AcknowledgedAt, Is.EqualTo(incident.UnitNotifiedAt));
    }

    [Test]
    public void A_call_received_time_ahead_of_the_server_clock_does_not_block_dispatch()
    {
        // The PBX clock runs ten minutes fast: its receive time is later than everything after it.
        var call = WaitingCall(T0.AddMinutes(10));
        call.Answer(Operator, T0.AddMinutes(1));
        var incident = Incident.Open(call, Details(), Operator, T0.AddMinutes(2));

        incident.Assign(UnitId, CallSignOf(UnitId), Operator, T0.AddMinutes(3));

        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Dispatched));
        Assert.That(ResponseIntervals.From(incident.Times).Single(i => i.Name == ResponseIntervals.CallToAnswer).Valid, Is.False);
    }
}
