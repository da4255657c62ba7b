using Dispatch.Core.Reports;

namespace Dispatch.Core.Tests.Reports;

/// <summary>Linear interpolation between closest ranks, checked against hand-worked values.</summary>
public sealed class PercentileTests
{
    // numpy.percentile([15, 20, 35, 40, 50], q) with the default (linear) method.
    [TestCase(0.0, 15)]
    [TestCase(0.25, 20)]
    [TestCase(0.4, 29)]   // h = 1.6: 20 + 0.6 * 15
    [TestCase(0.5, 35)]
    [TestCase(0.9, 46)]   // h = 3.6: 40 + 0.6 * 10
    [TestCase(1.0, 50)]
    public void Matches_the_inclusive_definition(double p, double expected) =>
        Assert.That(Percentile.Of([15, 20, 35, 40, 50], p), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void A_single_value_is_every_percentile() =>
        Assert.That(new[] { 0.0, 0.5, 0.95, 1.0 }.Select(p => Percentile.Of([42], p)), Is.All.EqualTo(42));

    [Test]
    public void Ties_interpolate_to_the_tied_value() =>
        Assert.That(Percentile.Of([10, 10, 10, 20], 0.5), Is.EqualTo(10));

    [Test]
    public void Two_values_interpolate_linearly() =>
        Assert.That(Percentile.Of([10, 20], 0.95), Is.EqualTo(19.5).Within(1e-12));

    [TestCase(-0.1)]
    [TestCase(1.1)]
    public void A_percentile_outside_zero_to_one_is_refused(double p) =>
        Assert.That(() => Percentile.Of([1, 2], p), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void The_stream_gives_the_same_answers_as_the_list_without_keeping_the_values()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 1001).Select(_ => (double)random.Next(0, 500)).Order().ToList(); // many ties
        var stream = new SortedStream(values.Count, 0.5, 0.9, 0.95, 1.0);
        values.ForEach(stream.Add);
        Assert.Multiple(() =>
        {
            Assert.That(stream[0], Is.EqualTo(Percentile.Of(values, 0.5)).Within(1e-9));
            Assert.That(stream[1], Is.EqualTo(Percentile.Of(values, 0.9)).Within(1e-9));
            Assert.That(stream[2], Is.EqualTo(Percentile.Of(values, 0.95)).Within(1e-9));
            Assert.That(stream[3], Is.EqualTo(values[^1]));
            Assert.That(stream.Mean, Is.EqualTo(values.Average()).Within(1e-9));
            Assert.That(stream.Max, Is.EqualTo(values.Max()));
        });
    }

    [Test]
    public void The_stream_refuses_values_out_of_order_and_answers_nothing_before_the_end()
    {
        var stream = new SortedStream(3, 0.5);
        stream.Add(1);
        Assert.That(stream[0], Is.Null, "not all values seen yet");
        Assert.That(() => stream.Add(0), Throws.InvalidOperationException);
    }
}
