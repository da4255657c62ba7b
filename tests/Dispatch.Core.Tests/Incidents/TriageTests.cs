using Dispatch.Core.Incidents;

namespace Dispatch.Core.Tests.Incidents;

public sealed class TriageTests
{
    [TestCase(Triage.Merah, Priority.P1)]
    [TestCase(Triage.Kuning, Priority.P2)]
    [TestCase(Triage.Hijau, Priority.P3)]
    [TestCase(Triage.Hitam, Priority.None)]
    public void Colour_maps_to_priority(Triage triage, Priority expected) =>
        Assert.That(triage.Priority(), Is.EqualTo(expected));

    [Test]
    public void Default_targets_are_ten_minutes_for_merah_and_thirty_for_kuning()
    {
        var options = new TriageOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Target(Triage.Merah), Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(options.Target(Triage.Kuning), Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(options.Target(Triage.Hijau), Is.Null);
            Assert.That(options.Target(Triage.Hitam), Is.Null);
        });
    }

    [Test]
    public void Targets_are_configurable()
    {
        var options = new TriageOptions { MerahTargetMinutes = 8, KuningTargetMinutes = null, HijauTargetMinutes = 60 };

        Assert.Multiple(() =>
        {
            Assert.That(options.Target(Triage.Merah), Is.EqualTo(TimeSpan.FromMinutes(8)));
            Assert.That(options.Target(Triage.Kuning), Is.Null);
            Assert.That(options.Target(Triage.Hijau), Is.EqualTo(TimeSpan.FromMinutes(60)));
            Assert.That(options.Target(Triage.Hitam), Is.Null);
        });
    }

    [Test]
    public void Fractional_targets_are_kept()
    {
        var options = new TriageOptions { MerahTargetMinutes = 7.5 };

        Assert.That(options.Target(Triage.Merah), Is.EqualTo(TimeSpan.FromSeconds(450)));
    }
}
