using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Patients;

namespace Dispatch.Core.Tests.Patients;

public sealed class PatientRecordTests
{
    private static PatientChange Change(params PatientField[] sent) => new(sent.ToHashSet());

    [Test]
    public void A_change_keeps_the_fields_it_did_not_send_and_clears_those_sent_as_null()
    {
        var first = PatientRecord.New("p1", 7).With(Change(PatientField.Name, PatientField.Triage) with { Name = "Budi", Triage = Triage.Merah });
        var second = first.With(Change(PatientField.Sex) with { Sex = Sex.Male });
        Assert.That((second.Name, second.Triage, second.Sex), Is.EqualTo(("Budi", (Triage?)Triage.Merah, (Sex?)Sex.Male)));
        var cleared = second.With(Change(PatientField.Name));
        Assert.That(cleared.Name, Is.Null);
        Assert.That(cleared.Triage, Is.EqualTo(Triage.Merah));
    }

    [TestCase(0, AgeGroup.Infant)]
    [TestCase(1, AgeGroup.Child)]
    [TestCase(17, AgeGroup.Child)]
    [TestCase(18, AgeGroup.Adult)]
    [TestCase(59, AgeGroup.Adult)]
    [TestCase(60, AgeGroup.Elderly)]
    public void An_age_sets_its_group(int age, AgeGroup group)
    {
        var p = PatientRecord.New("p", 1).With(Change(PatientField.Age, PatientField.AgeGroup) with { Age = age, AgeGroup = AgeGroup.Infant });
        Assert.That(p.AgeGroup, Is.EqualTo(group));
    }

    [Test]
    public void A_group_alone_is_kept_and_a_new_age_replaces_it()
    {
        var p = PatientRecord.New("p", 1).With(Change(PatientField.AgeGroup) with { AgeGroup = AgeGroup.Elderly });
        Assert.That((p.Age, p.AgeGroup), Is.EqualTo(((int?)null, (AgeGroup?)AgeGroup.Elderly)));
        Assert.That(p.With(Change(PatientField.Age) with { Age = 30 }).AgeGroup, Is.EqualTo(AgeGroup.Adult));
    }

    [Test]
    public void A_transport_or_handover_without_destination_and_a_receiver_without_time_are_kept_and_flagged()
    {
        var p = PatientRecord.New("p", 1);
        Assert.That(p.With(Change(PatientField.Outcome) with { Outcome = PatientOutcome.Transported }).Missing(), Is.EqualTo(new[] { "destinationId" }));
        Assert.That(p.With(Change(PatientField.HandoverAt) with { HandoverAt = DateTimeOffset.UnixEpoch }).Missing(), Is.EqualTo(new[] { "destinationId" }));
        Assert.That(p.With(Change(PatientField.ReceivedBy) with { ReceivedBy = "Ns. Sari" }).Missing(), Is.EqualTo(new[] { "handoverAt" }));
        var done = p.With(Change(PatientField.Outcome, PatientField.DestinationId, PatientField.HandoverAt, PatientField.ReceivedBy)
            with { Outcome = PatientOutcome.Transported, DestinationId = 3, HandoverAt = DateTimeOffset.UnixEpoch, ReceivedBy = "Ns. Sari" });
        Assert.That((done.ReceivedBy, done.Missing()), Is.EqualTo(("Ns. Sari", Array.Empty<string>())));
        Assert.That(done.With(Change(PatientField.DestinationId)).Missing(), Is.EqualTo(new[] { "destinationId" }), "dropping the destination under a handover is flagged");
        Assert.That(p.With(Change(PatientField.Outcome) with { Outcome = PatientOutcome.Refused }).Missing(), Is.Empty, "other outcomes need no destination");
    }


    [TestCase("s22.4", "S22.4")]
    [TestCase(" I219 ", "I21.9")]
    [TestCase("R57", "R57")]
    [TestCase("S72.001A", "S72.001A")]
    [TestCase("T07", "T07")]
    public void Icd10_codes_of_the_right_form_are_normalized(string input, string expected) =>
        Assert.That(Icd10Code.Normalize(input), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("I2")]
    [TestCase("12.3")]
    [TestCase("I21.12345")]
    [TestCase("I21-9")]
    [TestCase("jantung")]
    public void Icd10_codes_of_another_form_are_refused(string input) => Assert.That(Icd10Code.Normalize(input), Is.Null);

    [Test]
    public void Vitals_refuse_values_outside_their_entry_limits_and_fractions_where_whole()
    {
        Assert.That(Vitals.Problem(Vitals.Gcs, 2), Does.Contain("'gcs'"));
        Assert.That(Vitals.Problem(Vitals.Gcs, 3), Is.Null);
        Assert.That(Vitals.Problem(Vitals.Spo2, 101), Does.Contain("between 0 and 100 %"));
        Assert.That(Vitals.Problem(Vitals.Pulse, 80.5), Does.Contain("whole"));
        Assert.That(Vitals.Problem(Vitals.Temperature, 37.5), Is.Null);
        Assert.That(Vitals.Problem(Vitals.Temperature, 50), Does.Contain("degC"));
        Assert.That(Vitals.Problem(Vitals.Glucose, null), Is.Null);
        Assert.That(Vitals.All.Select(v => v.Field), Is.Unique);
    }

    [TestCase("SR-2025/001.A", true)]
    [TestCase("123 456", true)]
    [TestCase("-start", false)]
    [TestCase("ref;drop", false)]
    [TestCase("<b>", false)]
    public void Sisrute_references_are_checked_loosely(string value, bool ok) => Assert.That(PatientFields.IsSisruteRef(value), Is.EqualTo(ok));

    [Test]
    public void Ids_are_short_tokens()
    {
        Assert.That(PatientFields.IsId(Guid.NewGuid().ToString()), Is.True);
        Assert.That(PatientFields.IsId("a/b"), Is.False);
        Assert.That(PatientFields.IsId(new string('a', 65)), Is.False);
    }
}
