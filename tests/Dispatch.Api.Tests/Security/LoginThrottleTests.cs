using Dispatch.Api.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Api.Tests.Security;

/// <summary>The sign-in throttle on its own clock: doubling waits, and bounded memory under a flood of names.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    [Test]
    public void After_the_free_failures_each_further_one_doubles_the_wait()
    {
        var throttle = new LoginThrottle(_clock);
        var waits = new List<double>();
        for (var i = 0; i < LoginThrottle.FreeFailures + 4; i++)
        {
            throttle.Failed("operator1|10.0.0.7");
            waits.Add(throttle.RetryAfter("operator1|10.0.0.7").TotalSeconds);
        }

        Assert.That(waits, Is.EqualTo(new double[] { 0, 0, 0, 0, 0, 2, 4, 8, 16 }));
        Assert.That(throttle.RetryAfter("operator1|10.0.0.8"), Is.EqualTo(TimeSpan.Zero), "another address is not held back");
        throttle.Succeeded("operator1|10.0.0.7");
        Assert.That(throttle.RetryAfter("operator1|10.0.0.7"), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_flood_of_names_is_swept_once_their_window_has_passed()
    {
        var throttle = new LoginThrottle(_clock);
        for (var i = 0; i < LoginThrottle.SweepAbove; i++) throttle.Failed($"made-up-{i}|203.0.113.9");
        _clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 12; i++) throttle.Failed("operator1|10.0.0.7"); // locked, within its window
        Assert.That(throttle.Count, Is.EqualTo(LoginThrottle.SweepAbove + 1), "a sweep inside everyone's window drops nothing");

        // The flood's window has passed, operator1's has not. The next sweep comes once the map has
        // doubled (20,002 entries), so the cost per failure stays constant.
        _clock.Advance(TimeSpan.FromMinutes(6));
        for (var i = 0; i < LoginThrottle.SweepAbove + 1; i++) throttle.Failed($"late-{i}|203.0.113.9");
        Assert.That(throttle.Count, Is.EqualTo(2 * LoginThrottle.SweepAbove + 2), "no sweep before the map doubled");
        throttle.Failed("one-more|203.0.113.9");

        Assert.That(throttle.Count, Is.EqualTo(LoginThrottle.SweepAbove + 3), "operator1 and the late names are left, the early flood is gone");
        throttle.Failed("operator1|10.0.0.7");
        Assert.That(throttle.RetryAfter("operator1|10.0.0.7"), Is.EqualTo(TimeSpan.FromSeconds(256)), "operator1's 12 failures were kept: the 13th waits 2^8 s");
    }

    [Test]
    public void Under_a_steady_flood_the_map_stays_within_twice_what_one_window_holds()
    {
        var throttle = new LoginThrottle(_clock);
        var peak = 0;
        // 40 minutes of 30 new names a second: one 15-minute window holds 27,000.
        for (var second = 0; second < 40 * 60; second++)
        {
            for (var i = 0; i < 30; i++) throttle.Failed($"n{second}-{i}|198.51.100.1");
            peak = Math.Max(peak, throttle.Count);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.That(peak, Is.LessThanOrEqualTo(2 * 27_030 + 30));
    }
}
