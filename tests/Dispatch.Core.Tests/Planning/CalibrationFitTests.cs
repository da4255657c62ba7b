using Dispatch.Core.Planning;

namespace Dispatch.Core.Tests.Planning;

public sealed class CalibrationFitTests
{
    [Test]
    public void Trips_taking_a_quarter_longer_than_predicted_fit_speeds_of_0_8()
    {
        var points = new[] { 100.0, 240, 600, 900 }.Select(p => new CalibrationPoint(p, 1.25 * p)).ToList();
        var fit = CalibrationFit.Fit(points, minObservations: 3)!;
        Assert.Multiple(() =>
        {
            Assert.That(fit.SpeedFactor, Is.EqualTo(0.8).Within(1e-12));
            Assert.That(fit.R2, Is.EqualTo(1).Within(1e-12));
            Assert.That(fit.MaeSeconds, Is.EqualTo(0).Within(1e-9));
            Assert.That(fit.MedianRatio, Is.EqualTo(1.25).Within(1e-12));
            Assert.That(fit.Used, Is.EqualTo(4));
        });
    }

    [Test]
    public void The_factor_is_the_geometric_mean_ratio_and_unusable_trips_are_left_out()
    {
        // Ratios 2 and 0.5: log-mean 0, so the speeds stay (a slow trip weighs as much as a fast one).
        var fit = CalibrationFit.Fit([new(100, 200), new(100, 50), new(0, 30), new(100, double.NaN)], minObservations: 2)!;
        Assert.That(fit.SpeedFactor, Is.EqualTo(1).Within(1e-12));
        Assert.That(fit.Used, Is.EqualTo(2));
        Assert.That(fit.MaeSeconds, Is.EqualTo(75)); // |200 - 100| and |50 - 100|
    }

    [Test]
    public void Too_few_trips_fit_nothing() => Assert.That(CalibrationFit.Fit([new(100, 125)], minObservations: 2), Is.Null);
}
