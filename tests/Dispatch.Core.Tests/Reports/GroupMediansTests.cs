using Dispatch.Core.Reports;

namespace Dispatch.Core.Tests.Reports;

public sealed class GroupMediansTests
{
    private static readonly (string Group, double Value)[] Stream =
        [("a", 1), ("b", 2), ("a", 3), ("b", 4), ("b", 6), ("a", 7), ("a", 9)]; // ascending overall

    [Test]
    public void Each_group_gets_its_median_from_one_ascending_stream()
    {
        var medians = new GroupMedians<string>([new("a", 4), new("b", 3)]);
        foreach (var (group, value) in Stream) medians.Add(group, value);

        Assert.Multiple(() =>
        {
            Assert.That(medians.Complete, Is.True);
            Assert.That(medians.Median("a"), Is.EqualTo(5)); // 1 3 7 9 -> (3 + 7) / 2
            Assert.That(medians.Median("b"), Is.EqualTo(4)); // 2 4 6
            Assert.That(medians.Median("c"), Is.Null);
        });
    }

    [Test]
    public void A_wrong_expectation_is_noticed_and_the_next_pass_expects_what_was_seen()
    {
        // The counts came from an earlier read; one "a" and a whole group "b" were written since.
        var medians = new GroupMedians<string>([new("a", 3)]);
        foreach (var (group, value) in Stream) medians.Add(group, value);
        Assert.Multiple(() =>
        {
            Assert.That(medians.Complete, Is.False);
            Assert.That(medians.Median("a"), Is.Null, "an incomplete pass gives no median rather than a wrong one");
        });

        medians.ExpectSeen();
        foreach (var (group, value) in Stream) medians.Add(group, value);
        Assert.Multiple(() =>
        {
            Assert.That(medians.Complete, Is.True);
            Assert.That(medians.Median("a"), Is.EqualTo(5));
            Assert.That(medians.Median("b"), Is.EqualTo(4));
        });
    }
}
