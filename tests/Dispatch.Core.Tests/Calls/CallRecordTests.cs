using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Calls;

public sealed class CallRecordTests
{
    private static CallRecord Receive(string? number, GeoPoint? location = null, double? accuracy = null) =>
        CallRecord.Receive("pbx-42", number, T0, CallSource.Line119, location?.Lat, location?.Lon, accuracy, T0.AddSeconds(1));

    [TestCase("081234567890")]
    [TestCase("6281234567890")]
    [TestCase("+6281234567890")]
    [TestCase("+62 812-3456-7890")]
    [TestCase(" 0812 3456 7890 ")]
    public void Indonesian_number_is_normalised_to_e164(string raw)
    {
        var call = Receive(raw);

        Assert.Multiple(() =>
        {
            Assert.That(call.CallerNumber, Is.EqualTo("+6281234567890"));
            Assert.That(call.FlagList, Is.Empty);
            Assert.That(call.Flags, Is.Empty);
        });
    }

    [Test]
    public void Jakarta_landline_is_normalised_to_e164() =>
        Assert.That(Receive("(021) 3456-7890").CallerNumber, Is.EqualTo("+622134567890"));

    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("anonymous", "anonymous")]
    [TestCase("Anonymous", "Anonymous")]
    [TestCase("private", "private")]
    public void Withheld_number_is_kept_and_flagged(string? raw, string? stored)
    {
        var call = Receive(raw);

        Assert.Multiple(() =>
        {
            Assert.That(call.CallerNumber, Is.EqualTo(stored));
            Assert.That(call.FlagList, Is.EqualTo(new[] { CallFlags.NumberWithheld }));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Waiting));
        });
    }

    [TestCase("abc")]
    [TestCase("12")]
    [TestCase(" 12 ")]
    public void Unparseable_number_is_kept_as_given_and_flagged(string raw)
    {
        var call = Receive(raw);

        Assert.Multiple(() =>
        {
            Assert.That(call.CallerNumber, Is.EqualTo(raw));
            Assert.That(call.FlagList, Is.EqualTo(new[] { CallFlags.NumberUnparseable }));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Waiting));
        });
    }

    [TestCase(-91, 100.6)]
    [TestCase(-0.79, 200)]
    [TestCase(double.NaN, 100.6)]
    [TestCase(-0.79, double.PositiveInfinity)]
    public void Out_of_range_location_is_dropped_and_flagged_but_the_call_is_kept(double lat, double lon)
    {
        var call = Receive("081234567890", new GeoPoint(lat, lon), accuracy: 20);

        Assert.Multiple(() =>
        {
            Assert.That(call.Location, Is.Null);
            Assert.That(call.Lat, Is.Null);
            Assert.That(call.Lon, Is.Null);
            Assert.That(call.AccuracyMeters, Is.Null);
            Assert.That(call.FlagList, Is.EqualTo(new[] { CallFlags.LocationOutOfRange }));
            Assert.That(call.CallerNumber, Is.EqualTo("+6281234567890"));
            Assert.That(call.ExternalId, Is.EqualTo("pbx-42"));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Waiting));
        });
    }

    [Test]
    public void Valid_location_and_accuracy_are_kept()
    {
        var call = Receive("081234567890", Scene, accuracy: 35);

        Assert.Multiple(() =>
        {
            Assert.That(call.Location, Is.EqualTo(Scene));
            Assert.That(call.AccuracyMeters, Is.EqualTo(35));
            Assert.That(call.FlagList, Is.Empty);
        });
    }

    [TestCase(-5)]
    [TestCase(double.NaN)]
    public void Invalid_accuracy_is_dropped_and_flagged_but_the_location_kept(double accuracy)
    {
        var call = Receive("081234567890", Scene, accuracy);

        Assert.Multiple(() =>
        {
            Assert.That(call.Location, Is.EqualTo(Scene));
            Assert.That(call.AccuracyMeters, Is.Null);
            Assert.That(call.FlagList, Is.EqualTo(new[] { CallFlags.AccuracyInvalid }));
        });
    }

    [Test]
    public void Several_defects_are_all_flagged()
    {
        var call = Receive("abc", new GeoPoint(100, 100));

        Assert.That(call.FlagList, Is.EquivalentTo(new[] { CallFlags.NumberUnparseable, CallFlags.LocationOutOfRange }));
    }

    [TestCase(-0.79, null)]
    [TestCase(null, 100.65)]
    public void Half_a_location_is_dropped_and_flagged(double? lat, double? lon)
    {
        var call = CallRecord.Receive("pbx-42", "081234567890", T0, CallSource.App, lat, lon, 10, T0);

        Assert.Multiple(() =>
        {
            Assert.That(call.Location, Is.Null);
            Assert.That(call.AccuracyMeters, Is.Null);
            Assert.That(call.FlagList, Is.EqualTo(new[] { CallFlags.LocationIncomplete }));
        });
    }

    [Test]
    public void Accuracy_without_a_location_is_dropped_silently()
    {
        var call = Receive("081234567890", location: null, accuracy: 10);

        Assert.That(call.AccuracyMeters, Is.Null);
        Assert.That(call.FlagList, Is.Empty);
    }

    [Test]
    public void Intake_flags_are_kept_once_alongside_the_call_own_flags()
    {
        var call = CallRecord.Receive("pbx-42", "abc", T0, CallSource.Line119, null, null, null, T0,
            [CallFlags.SourceUnknown, CallFlags.NumberUnparseable, CallFlags.SourceUnknown]);

        Assert.That(call.FlagList, Is.EquivalentTo(new[] { CallFlags.SourceUnknown, CallFlags.NumberUnparseable }));
    }

    [Test]
    public void Receive_time_is_stored_in_utc()
    {
        var wib = new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(7));

        var call = CallRecord.Receive("pbx-1", "081234567890", wib, CallSource.Ncc, null, null, null, wib);

        Assert.Multiple(() =>
        {
            Assert.That(call.ReceivedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(call.ReceivedAt, Is.EqualTo(T0));
            Assert.That(call.Source, Is.EqualTo(CallSource.Ncc));
        });
    }

    [Test]
    public void Answer_claims_the_call()
    {
        var call = WaitingCall(T0);

        call.Answer(Operator, T0.AddSeconds(8));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Answered));
            Assert.That(call.AnsweredBy, Is.EqualTo(Operator));
            Assert.That(call.AnsweredAt, Is.EqualTo(T0.AddSeconds(8)));
        });
    }

    [Test]
    public void A_second_operator_cannot_answer_a_claimed_call()
    {
        var call = WaitingCall(T0);
        call.Answer(Operator, T0.AddSeconds(8));

        var ex = Assert.Throws<RuleViolation>(() => call.Answer(OtherOperator, T0.AddSeconds(9)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("call-taken"));
            Assert.That(call.AnsweredBy, Is.EqualTo(Operator));
            Assert.That(call.AnsweredAt, Is.EqualTo(T0.AddSeconds(8)));
        });
    }

    [Test]
    public void A_closed_call_cannot_be_answered()
    {
        var call = WaitingCall(T0);
        call.Close(CallOutcome.Abandoned, Operator, T0.AddSeconds(30));

        var ex = Assert.Throws<RuleViolation>(() => call.Answer(Operator, T0.AddSeconds(40)));

        Assert.That(ex!.Code, Is.EqualTo("call-taken"));
        Assert.That(call.Status, Is.EqualTo(CallStatus.Closed));
    }

    [TestCase(CallOutcome.NonEmergencyAdvice)]
    [TestCase(CallOutcome.Information)]
    [TestCase(CallOutcome.Prank)]
    [TestCase(CallOutcome.Abandoned)]
    public void The_answering_operator_closes_the_call_with_an_outcome(CallOutcome outcome)
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        var at = clock.Next();

        call.Close(outcome, Operator, at);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Closed));
            Assert.That(call.Outcome, Is.EqualTo(outcome));
            Assert.That(call.ClosedAt, Is.EqualTo(at));
            Assert.That(call.IncidentId, Is.Null);
        });
    }

    [Test]
    public void A_waiting_call_may_be_closed_as_abandoned_by_anyone()
    {
        var call = WaitingCall(T0);

        call.Close(CallOutcome.Abandoned, OtherOperator, T0.AddSeconds(45));

        Assert.That(call.Status, Is.EqualTo(CallStatus.Closed));
        Assert.That(call.Outcome, Is.EqualTo(CallOutcome.Abandoned));
    }

    [TestCase(CallOutcome.Prank)]
    [TestCase(CallOutcome.Information)]
    public void A_waiting_call_needs_answering_before_any_other_outcome(CallOutcome outcome)
    {
        var call = WaitingCall(T0);

        var ex = Assert.Throws<RuleViolation>(() => call.Close(outcome, Operator, T0.AddSeconds(45)));

        Assert.That(ex!.Code, Is.EqualTo("call-not-answered"));
        Assert.That(call.Status, Is.EqualTo(CallStatus.Waiting));
    }

    [TestCase(CallOutcome.Incident)]
    [TestCase(CallOutcome.Attached)]
    public void Close_refuses_the_outcomes_set_by_linking(CallOutcome outcome)
    {
        var clock = Clock();
        var call = AnsweredCall(clock);

        var ex = Assert.Throws<RuleViolation>(() => call.Close(outcome, Operator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("invalid-outcome"));
        Assert.That(call.Status, Is.EqualTo(CallStatus.Answered));
    }

    [Test]
    public void Another_operator_cannot_close_a_claimed_call()
    {
        var clock = Clock();
        var call = AnsweredCall(clock);

        var ex = Assert.Throws<RuleViolation>(() => call.Close(CallOutcome.Prank, OtherOperator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("call-taken"));
        Assert.That(call.Status, Is.EqualTo(CallStatus.Answered));
    }

    [Test]
    public void A_closed_call_cannot_be_closed_again()
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        call.Close(CallOutcome.Information, Operator, clock.Next());

        var ex = Assert.Throws<RuleViolation>(() => call.Close(CallOutcome.Prank, Operator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("call-not-answered"));
        Assert.That(call.Outcome, Is.EqualTo(CallOutcome.Information));
    }

    [TestCase(CallOutcome.Incident)]
    [TestCase(CallOutcome.Attached)]
    public void LinkTo_closes_the_call_onto_the_incident(CallOutcome outcome)
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        var at = clock.Next();

        call.LinkTo(501, outcome, Operator, at);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(CallStatus.Closed));
            Assert.That(call.Outcome, Is.EqualTo(outcome));
            Assert.That(call.IncidentId, Is.EqualTo(501));
            Assert.That(call.ClosedAt, Is.EqualTo(at));
        });
    }

    [TestCase(CallOutcome.Prank)]
    [TestCase(CallOutcome.Abandoned)]
    [TestCase(CallOutcome.NonEmergencyAdvice)]
    public void LinkTo_refuses_an_outcome_that_is_not_a_link(CallOutcome outcome)
    {
        var clock = Clock();
        var call = AnsweredCall(clock);

        var ex = Assert.Throws<RuleViolation>(() => call.LinkTo(501, outcome, Operator, clock.Next()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo("invalid-outcome"));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Answered));
            Assert.That(call.IncidentId, Is.Null);
        });
    }

    [Test]
    public void LinkTo_refuses_a_waiting_call()
    {
        var call = WaitingCall(T0);

        var ex = Assert.Throws<RuleViolation>(() => call.LinkTo(501, CallOutcome.Attached, Operator, T0.AddSeconds(20)));

        Assert.That(ex!.Code, Is.EqualTo("call-not-answered"));
        Assert.That(call.IncidentId, Is.Null);
    }

    [Test]
    public void LinkTo_refuses_another_operator()
    {
        var clock = Clock();
        var call = AnsweredCall(clock);

        var ex = Assert.Throws<RuleViolation>(() => call.LinkTo(501, CallOutcome.Incident, OtherOperator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("call-taken"));
        Assert.That(call.Status, Is.EqualTo(CallStatus.Answered));
        Assert.That(call.IncidentId, Is.Null);
    }

    [Test]
    public void A_linked_call_cannot_be_linked_again()
    {
        var clock = Clock();
        var call = AnsweredCall(clock);
        call.LinkTo(501, CallOutcome.Incident, Operator, clock.Next());

        var ex = Assert.Throws<RuleViolation>(() => call.LinkTo(502, CallOutcome.Attached, Operator, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("call-not-answered"));
        Assert.That(call.IncidentId, Is.EqualTo(501));
    }
}
