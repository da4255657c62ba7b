using Dispatch.Core.Reports;

namespace Dispatch.Core.Tests.Reports;

/// <summary>
/// Reading a percentile at its ranks (descending, skipping the values above) gives exactly what
/// the streamed definition gives, and says so when the values it was sized for are gone.
/// </summary>
public sealed class RankedPercentileTests
{
    // [15, 20, 35, 40, 50] descending is 50 40 35 20 15.
    [TestCase(0.5, 1, 2, 35)]  // h = 2: ranks 2 and 3 (35, 40), fraction 0
    [TestCase(0.9, 0, 2, 46)]  // h = 3.6: ranks 3 and 4 (40, 50)
    [TestCase(0.4, 2, 2, 29)]  // h = 1.6: ranks 1 and 2 (20, 35)
    [TestCase(1.0, 0, 1, 50)]  // the maximum alone
    [TestCase(0.0, 3, 2, 15)]  // the minimum: ranks 0 and 1, fraction 0
    public void Reads_the_ranks_of_a_worked_example(double p, long skip, int take, double expected)
    {
        double[] descending = [50, 40, 35, 20, 15];
        Assert.That(RankedPercentile.Descending(5, p), Is.EqualTo((skip, take)));
        Assert.That(RankedPercentile.Value(5, p, descending.Skip((int)skip).Take(take).ToList()), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Agrees_with_the_streamed_definition_on_random_values_with_ties()
    {
        var random = new Random(16);
        foreach (var n in new[] { 1, 2, 3, 7, 10, 101, 1000 })
        {
            var sorted = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, n / 2 + 2)).Order().ToList();
            var descending = Enumerable.Reverse(sorted).ToList();
            foreach (var p in new[] { 0.0, 0.5, 0.9, 0.95, 1.0 })
            {
                var (skip, take) = RankedPercentile.Descending(n, p);
                Assert.That(RankedPercentile.Value(n, p, descending.Skip((int)skip).Take(take).ToList()),
                    Is.EqualTo(Percentile.Of(sorted, p)).Within(1e-9), $"n={n} p={p}");
            }
        }
    }

    [Test]
    public void A_short_read_has_no_value() =>
        Assert.That(RankedPercentile.Value(5, 0.9, [50]), Is.Null);

    [Test]
    public void No_values_have_no_ranks() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RankedPercentile.Descending(0, 0.5));
}
