using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Incidents;

/// <summary>What is known about an incident changes after creation: the caller rang back, the location was corrected.</summary>
public sealed class IncidentChangeTests
{
    private static readonly GeoPoint Corrected = new(-0.7801, 100.6410);
    private static readonly AreaMatch CorrectedArea = new(new Area("13.72.01.1002", "Kampung Jawa"), new Area("13.72.01", "Lubuk Sikarah"));

    [Test]
    public void Every_field_changes_as_given()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.EnRoute, clock);

        incident.Apply(new IncidentChange
        {
            Triage = Triage.Kuning,
            Location = (Corrected, CorrectedArea),
            Address = "depan Masjid Raya",
            Complaint = "tidak bernapas",
            PatientCount = 4,
            Category = IncidentCategory.Trauma,
            IsEmergency = false,
            IsMajor = true,
        });

        Assert.Multiple(() =>
        {
            Assert.That(incident.Triage, Is.EqualTo(Triage.Kuning));
            Assert.That(incident.Priority, Is.EqualTo(Priority.P2));
            Assert.That(incident.Location, Is.EqualTo(Corrected));
            Assert.That((incident.KelurahanCode, incident.KelurahanName), Is.EqualTo(("13.72.01.1002", "Kampung Jawa")));
            Assert.That((incident.KecamatanCode, incident.KecamatanName), Is.EqualTo(("13.72.01", "Lubuk Sikarah")));
            Assert.That(incident.Address, Is.EqualTo("depan Masjid Raya"));
            Assert.That(incident.Complaint, Is.EqualTo("tidak bernapas"));
            Assert.That(incident.PatientCount, Is.EqualTo(4));
            Assert.That(incident.Category, Is.EqualTo(IncidentCategory.Trauma));
            Assert.That(incident.IsEmergency, Is.False);
            Assert.That(incident.IsMajor, Is.True);
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.EnRoute), "a change of facts moves no status");
        });
    }

    [Test]
    public void An_empty_change_changes_nothing()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        var before = Facts(incident);

        incident.Apply(new IncidentChange());

        Assert.That(Facts(incident), Is.EqualTo(before));
    }

    [Test]
    public void One_field_changes_alone()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var before = Facts(incident);

        incident.Apply(new IncidentChange { Triage = Triage.Hitam });

        Assert.That(Facts(incident), Is.EqualTo(before with { Triage = Triage.Hitam }));
        Assert.That(incident.Priority, Is.EqualTo(Priority.None));
    }

    [Test]
    public void Empty_text_clears_the_address_and_complaint()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);

        incident.Apply(new IncidentChange { Address = "", Complaint = "" });

        Assert.That((incident.Address, incident.Complaint), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void A_location_outside_any_area_clears_the_kelurahan_and_kecamatan()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);

        incident.Apply(new IncidentChange { Location = (Corrected, new AreaMatch(null, null)) });

        Assert.That(new[] { incident.KelurahanCode, incident.KelurahanName, incident.KecamatanCode, incident.KecamatanName }, Is.All.Null);
        Assert.That(incident.Location, Is.EqualTo(Corrected));
    }

    [TestCase(91, 100.6)]
    [TestCase(-0.79, double.PositiveInfinity)]
    [TestCase(double.NaN, 100.6)]
    public void An_invalid_location_is_refused_and_changes_nothing(double lat, double lon)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var before = Facts(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Apply(new IncidentChange { Location = (new GeoPoint(lat, lon), CorrectedArea), Triage = Triage.Hijau }));

        Assert.That(ex!.Code, Is.EqualTo("invalid-location"));
        Assert.That(Facts(incident), Is.EqualTo(before));
    }

    [TestCase(-1)]
    [TestCase(1001)]
    public void An_impossible_patient_count_is_refused_and_changes_nothing(int count)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var before = Facts(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Apply(new IncidentChange { PatientCount = count, Triage = Triage.Hijau }));

        Assert.That(ex!.Code, Is.EqualTo("invalid-patient-count"));
        Assert.That(Facts(incident), Is.EqualTo(before));
    }

    [Test]
    public void A_text_longer_than_its_column_is_refused_and_changes_nothing()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var before = Facts(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Apply(new IncidentChange { Complaint = new string('x', TextLimits.Complaint + 1), Triage = Triage.Hijau }));

        Assert.That(ex!.Code, Is.EqualTo("text-too-long"));
        Assert.That(Facts(incident), Is.EqualTo(before));
    }

    [TestCase(IncidentStatus.Closed)]
    [TestCase(IncidentStatus.Cancelled)]
    public void A_closed_or_cancelled_incident_no_longer_changes(IncidentStatus status)
    {
        var clock = Clock();
        var incident = IncidentAt(status, clock);
        var before = Facts(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Apply(new IncidentChange { Triage = Triage.Hijau }));

        Assert.That(ex!.Code, Is.EqualTo("incident-inactive"));
        Assert.That(Facts(incident), Is.EqualTo(before));
    }

    [Test]
    public void A_cleared_incident_still_changes()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Cleared, clock);

        incident.Apply(new IncidentChange { IsMajor = true });

        Assert.That(incident.IsMajor, Is.True);
    }

    private sealed record IncidentFacts(
        Triage? Triage, double? Lat, double? Lon, string? KelurahanCode, string? KecamatanCode, string? Address, string? Complaint,
        int PatientCount, IncidentCategory Category, bool IsEmergency, bool IsMajor);

    private static IncidentFacts Facts(Incident i) => new(
        i.Triage, i.Lat, i.Lon, i.KelurahanCode, i.KecamatanCode, i.Address, i.Complaint, i.PatientCount, i.Category, i.IsEmergency, i.IsMajor);
}
