using Dispatch.Api.Auth;

namespace Dispatch.Api.Tests.Security;

/// <summary>The throttle's rule on its own: doubling waits after the free failures, a fresh window after 15 minutes.</summary>
public sealed class LoginThrottleTests
{
    private const long T0 = 1_795_000_000_000;

    private static List<LoginThrottle.Entry> Failures(int count, long at)
    {
        var entries = new List<LoginThrottle.Entry>();
        LoginThrottle.Entry? entry = null;
        for (var i = 0; i < count; i++) entries.Add(entry = LoginThrottle.Next(entry, at));
        return entries;
    }

    [Test]
    public void After_the_free_failures_each_further_one_doubles_the_wait_up_to_15_minutes()
    {
        var waits = Failures(LoginThrottle.FreeFailures + 12, T0).Select(e => (e.LockedUntil - T0) / 1000.0).ToList();

        Assert.That(waits.Take(9), Is.EqualTo(new double[] { 0, 0, 0, 0, 0, 2, 4, 8, 16 }));
        Assert.That(waits.Skip(9), Has.All.LessThanOrEqualTo(900));
        Assert.That(waits[^1], Is.EqualTo(900), "at most 15 minutes");
    }

    [Test]
    public void A_failure_after_the_window_starts_counting_again()
    {
        var locked = Failures(LoginThrottle.FreeFailures + 3, T0)[^1];
        var later = T0 + (long)LoginThrottle.Window.TotalMilliseconds + 1;

        var next = LoginThrottle.Next(locked, later);

        Assert.That((next.Failures, next.FirstAt, next.LockedUntil), Is.EqualTo((1, later, later)));
        Assert.That(LoginThrottle.Next(locked, T0 + 60_000).Failures, Is.EqualTo(LoginThrottle.FreeFailures + 4), "within the window the count goes on");
    }
}
