using Dispatch.Core.Common;
using Dispatch.Core.Facilities;
using Dispatch.Core.Incidents;

namespace Dispatch.Core.Tests.Facilities;

public sealed class AvailabilityRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_partial_report_changes_only_what_it_names_each_with_its_time()
    {
        var first = Availability.None.Apply(EdStatus.Open, new Dictionary<string, int> { ["icu"] = 2, ["igd"] = 5 }, "rs1", T0);
        var second = first.Apply(null, new Dictionary<string, int> { ["igd"] = 4 }, "rs1", T0.AddMinutes(12));

        Assert.That(second.EdStatus!.Value, Is.EqualTo(EdStatus.Open));
        Assert.That(second.EdStatus.At, Is.EqualTo(T0));
        Assert.That(second.Beds["icu"], Is.EqualTo(new Reported<int>(2, T0, "rs1")));
        Assert.That(second.Beds["igd"], Is.EqualTo(new Reported<int>(4, T0.AddMinutes(12), "rs1")));
        Assert.That(second.UpdatedAt, Is.EqualTo(T0.AddMinutes(12)));
        Assert.That(Availability.None.UpdatedAt, Is.Null);
    }

    [TestCase(EdStatus.Open, false)]
    [TestCase(EdStatus.Busy, false)]
    [TestCase(EdStatus.Full, true)]
    [TestCase(EdStatus.Diverting, true)]
    public void Crews_are_warned_about_a_full_or_diverting_hospital(EdStatus status, bool warns) =>
        Assert.That(Availability.None.Apply(status, null, "rs1", T0).WarnsCrew, Is.EqualTo(warns));

    [Test]
    public void Unknown_kinds_negative_counts_and_empty_reports_are_refused_naming_the_field()
    {
        Assert.That(BedKinds.Problems(new Dictionary<string, int> { ["sauna"] = 1, ["icu"] = -1, ["nicu"] = 0 }).Select(p => p.Field),
            Is.EquivalentTo(new[] { "beds.sauna", "beds.icu" }));
        Assert.That(() => Availability.None.Apply(null, new Dictionary<string, int> { ["icu"] = -1 }, "rs1", T0),
            Throws.InstanceOf<RuleViolation>().With.Property(nameof(RuleViolation.Code)).EqualTo("invalid-availability"));
        Assert.That(() => Availability.None.Apply(null, null, "rs1", T0), Throws.InstanceOf<RuleViolation>());
    }

    [Test]
    public void Destinations_are_ordered_by_travel_time_and_those_without_one_come_last_by_name()
    {
        var order = Destinations.Order([
            new DestinationOption(1, "RS B", 600, Availability.None), new DestinationOption(2, "RS A", null, Availability.None),
            new DestinationOption(3, "RS C", 120, Availability.None), new DestinationOption(4, "Puskesmas", null, Availability.None)]);
        Assert.That(order.Select(o => o.FacilityId), Is.EqualTo(new long[] { 3, 1, 4, 2 }));
    }

    [Test]
    public void A_response_is_a_pre_notification_while_transporting_at_destination_or_handing_over()
    {
        var states = Enum.GetValues<ResponseStatus>().Select((s, i) => ((long)i, s, (long?)7)).ToList();
        Assert.That(Incoming.Of(states).Select(k => states[(int)k.ResponseId].s),
            Is.EquivalentTo(new[] { ResponseStatus.Transporting, ResponseStatus.AtDestination, ResponseStatus.Handover }));
        Assert.That(Incoming.Of([(1, ResponseStatus.Transporting, null)]), Is.Empty, "no destination, no hospital to tell");
        var before = new[] { new IncomingKey(1, 7), new IncomingKey(2, 8) };
        Assert.That(Incoming.Ended(before, [new IncomingKey(2, 8)]), Is.EqualTo(new[] { new IncomingKey(1, 7) }));
    }

    [TestCase("ICU Dengan Ventilator", "icu")]
    [TestCase("ICU Tanpa Ventilator", "icu")]
    [TestCase("PICU", "picu")]
    [TestCase("NICU", "nicu")]
    [TestCase("NIC", "nicu")]
    [TestCase("Isolasi Tekanan Negatif", "isolation")]
    [TestCase("IGD", "igd")]
    [TestCase("Kamar Bersalin", "maternity")]
    [TestCase("Kamar Operasi", "operatingTheatre")]
    [TestCase("operatingTheatre", "operatingTheatre")]
    [TestCase("Kelas 1", null)]
    [TestCase("VIP", null)]
    public void Room_types_of_the_national_files_map_to_bed_kinds(string roomType, string? kind) =>
        Assert.That(RoomTypes.KindOf(roomType), Is.EqualTo(kind));

    [Test]
    public void Free_beds_are_given_or_capacity_minus_occupied_summed_per_kind()
    {
        var free = RoomTypes.FreeByKind([
            new BedRow(2, "1", null, "ICU Dengan Ventilator", 4, 3, null), new BedRow(3, "1", null, "ICU Tanpa Ventilator", 2, 1, null),
            new BedRow(4, "1", null, "IGD", 5, 9, null), new BedRow(5, "1", null, "Isolasi", null, null, 3), new BedRow(6, "1", null, "Kelas 3", 30, 1, null)]);
        Assert.That(free, Is.EquivalentTo(new Dictionary<string, int> { ["icu"] = 2, ["igd"] = 0, ["isolation"] = 3 }));
    }
}
