using Dispatch.Core.Incidents;
using Dispatch.Core.Planning;
using Dispatch.Core.Units;
using Dispatch.Routing.Tests.Support;
using static Dispatch.Core.Tests.Planning.SimWorlds;

namespace Dispatch.Core.Tests.Planning;

public class SimulatorTests
{
    [Test]
    public void One_unit_two_calls_close_together_the_second_waits()
    {
        var world = new SimWorld([Station("A", 0)], [Unit("U1", 0)], SimPolicy.Default);
        // Scene 1000 m away: 100 s each way. Processing 60 s, turnout 60 s, 600 s on scene, not conveyed.
        var run = Run(world, [Call(1, 0, 1000), Call(2, 60, 1000)]);

        var (first, second) = (run.Calls[0], run.Calls[1]);
        Assert.That((Since(first.NotifiedMs), Since(first.EnRouteMs), Since(first.OnSceneMs), Since(first.LeftSceneMs), Since(first.BackMs)),
            Is.EqualTo((60.0, 120.0, 220.0, 820.0, 920.0)));
        Assert.That(first.ResponseSeconds, Is.EqualTo(220));
        Assert.That(first.Waited, Is.False);
        // Ready at 120 s, the unit is back at 920 s: notified then, on scene 60 + 100 s later.
        Assert.That((Since(second.ReadyMs), Since(second.NotifiedMs), Since(second.OnSceneMs)), Is.EqualTo((120.0, 920.0, 1080.0)));
        Assert.That(second.ResponseSeconds, Is.EqualTo(1020));
        Assert.That(second.Waited, Is.True);
        Assert.That(run.BusyMs[0], Is.EqualTo((860 + 860) * 1000L));
    }

    [Test]
    public void A_unit_is_busy_until_back_a_call_during_its_return_goes_to_the_other_unit()
    {
        var world = new SimWorld([Station("A", 0), Station("B", 3000)], [Unit("A1", 0), Unit("B1", 1)], SimPolicy.Default);
        // A1 takes call 1 (1000 m from A), leaves the scene at 820 s and is back at 920 s. Call 2, at the
        // same place, is ready at 880 s while A1 drives back: B1 (2000 m, 200 s) goes.
        var run = Run(world, [Call(1, 0, 1000), Call(2, 820, 1000)]);
        Assert.That(run.Calls.Select(c => c.Unit), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(Since(run.Calls[1].OnSceneMs), Is.EqualTo(880 + 60 + 200));

        // Conveyed: back = at destination + the observed return, whatever the road.
        var conveyed = Run(world, [Call(1, 0, 1000, transport: 900, back: 1200), Call(2, 2900, 1000)]);
        Assert.That(Since(conveyed.Calls[0].BackMs), Is.EqualTo(220 + 600 + 900 + 1200));
        Assert.That(conveyed.Calls[1].Unit, Is.EqualTo(0), "A1 is back at 2920 s, before call 2 is ready at 2960 s");
    }

    [Test]
    public void The_closer_station_by_road_wins_although_not_by_straight_line()
    {
        // A river along the equator with one bridge at 5.5 km east. Station N stands 130 m north of the
        // scene across the river; station S 2.2 km east of the scene on its own bank.
        var roads = RoadData.FromJson(RoadData.Lines(
            ("\"highway\":\"primary\"", "[[0,-0.001],[0.02,-0.001],[0.05,-0.001],[0.06,-0.001]]"),
            ("\"highway\":\"primary\"", "[[0,0.001],[0.05,0.001],[0.06,0.001]]"),
            ("\"highway\":\"primary\"", "[[0.05,-0.001],[0.05,0.001]]")));
        var stations = new[] { new SimStation("N", "N", new(0.0012, 0.0), null), new SimStation("S", "S", new(-0.0012, 0.02), null) };
        var call = new SimCall(1, Monday, Triage.Merah, new(-0.0012, 0.0), null, null, null, new ObservedDurations(0, 0, 0, null, null, false));
        var units = new[] { Unit("N1", 0), Unit("S1", 1) };

        var byRoad = Run(new SimWorld(stations, units, SimPolicy.Default), [call], roads);
        var byLine = Run(new SimWorld(stations, units, new SimPolicy(TravelChoice.StraightLine)), [call], roads);

        Assert.That(byRoad.Basis, Is.EqualTo(TravelBasis.Road));
        Assert.That(byRoad.Calls[0].Unit, Is.EqualTo(1), "S by road: 2.2 km against 11 km over the bridge");
        Assert.That(byLine.Calls[0].Unit, Is.EqualTo(0), "N by straight line");
        Assert.That(byLine.Calls[0].ResponseSeconds, Is.GreaterThan(byRoad.Calls[0].ResponseSeconds * 4), "travel is by road whatever the choice");
    }

    [Test]
    public void Merah_takes_the_ALS_unit_when_asked_and_one_is_free()
    {
        var stations = new[] { Station("near", 500), Station("far", 5000) };
        var units = new[] { Unit("BLS", 0, UnitType.Bls), Unit("ALS", 1, UnitType.Als) };
        SimCall[] calls = [Call(1, 0, 0, Triage.Merah), Call(2, 100_000, 0, Triage.Kuning)];

        Assert.That(Run(new SimWorld(stations, units, SimPolicy.Default), calls).Calls.Select(c => c.Unit), Is.EqualTo(new[] { 0, 0 }));
        Assert.That(Run(new SimWorld(stations, units, new SimPolicy(AlsForMerah: true)), calls).Calls.Select(c => c.Unit), Is.EqualTo(new[] { 1, 0 }));
        // The ALS unit busy: merah falls back to the BLS unit.
        SimCall[] both = [Call(1, 0, 0, Triage.Merah), Call(2, 10, 0, Triage.Merah)];
        Assert.That(Run(new SimWorld(stations, units, new SimPolicy(AlsForMerah: true)), both).Calls.Select(c => c.Unit), Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void An_off_duty_unit_is_not_sent_and_one_on_a_call_at_the_shift_end_finishes_it()
    {
        var weekdays = new ShiftWindow([1, 2, 3, 4, 5], new TimeOnly(7, 0), new TimeOnly(19, 0));
        var world = new SimWorld([Station("A", 0)], [Unit("U1", 0, UnitType.Bls, weekdays)], SimPolicy.Default);
        var saturday10 = ((5 * 24) + 10) * 3600L;
        var friday1850 = ((4 * 24) + 18) * 3600L + (50 * 60);
        var run = Run(world, [Call(1, friday1850, 1000), Call(2, saturday10, 1000)]);

        Assert.That(Since(run.Calls[0].BackMs), Is.EqualTo(friday1850 + 920), "finishes the call after 19:00");
        Assert.That(Since(run.Calls[1].NotifiedMs), Is.EqualTo(7 * 24 * 3600 + (7 * 3600)), "waits for Monday 07:00 WIB");
        var figures = SimulationOutcome.Of(world, [Call(1, friday1850, 1000), Call(2, saturday10, 1000)], run, Week, Targets);
        Assert.That(figures.Units[0].Utilisation, Is.EqualTo((double)run.BusyMs[0] / (5 * 12 * 3600_000L)).Within(1e-12));
    }

    [Test]
    public void A_call_without_triage_is_replayed_without_target_and_counted_as_unknown()
    {
        var world = new SimWorld([Station("A", 0)], [Unit("U1", 0)], SimPolicy.Default);
        // Both 12 km away: 1200 s travel, 1320 s response; the merah one is late (target 600 s), the unknown one has no target.
        SimCall[] calls = [Call(1, 0, 12_000, triage: null), Call(2, 100_000, 12_000, Triage.Merah)];
        var figures = SimulationOutcome.Of(world, calls, Run(world, calls), Week, Targets);

        var unknown = figures.ByTriage[SimulationOutcome.Unknown];
        Assert.That((unknown.Incidents, unknown.Median, unknown.TargetSeconds, unknown.Late, unknown.Compliance), Is.EqualTo((1, (double?)1320, (double?)null, (int?)null, (double?)null)));
        Assert.That((figures.ByTriage["merah"].Late, figures.ByTriage["merah"].Compliance, figures.Late), Is.EqualTo(((int?)1, (double?)0, 1)));
        Assert.That(figures.ByTriage["kuning"].Median, Is.Null, "nothing to measure");
    }

    [Test]
    public void Weekly_shifts_cross_midnight_and_merge()
    {
        var nights = new WeeklyShifts([new ShiftWindow([6], new TimeOnly(19, 0), new TimeOnly(7, 0)), new ShiftWindow([0], new TimeOnly(6, 0), new TimeOnly(8, 0))]);
        var sunday = Monday - WeeklyShifts.DayMs;
        Assert.That(nights.OnDuty(sunday + (3 * 3600_000)), Is.True, "Saturday 19:00 to Sunday 07:00, Sunday 03:00");
        Assert.That(nights.OnDuty(sunday + (9 * 3600_000)), Is.False);
        Assert.That(nights.OnDutyMs(sunday - WeeklyShifts.DayMs, sunday + WeeklyShifts.DayMs), Is.EqualTo(13 * 3600_000L), "19:00-08:00 merged");
        Assert.That(nights.NextOnDuty(sunday + (9 * 3600_000)), Is.EqualTo(sunday + (6 * WeeklyShifts.DayMs) + (19 * 3600_000)));
    }

    [Test]
    public void The_last_unit_of_a_kecamatan_stays_unless_the_call_is_merah_or_has_waited_its_target()
    {
        var stations = new[] { Station("A", 0, kecamatan: "KEC-A"), Station("B", 20_000, kecamatan: "KEC-B") };
        var units = new[] { Unit("A1", 0), Unit("B1", 1) };
        var kuning = Call(1, 0, -1000, Triage.Kuning, kecamatan: "KEC-C");
        var merah = Call(1, 0, -1000, Triage.Merah, kecamatan: "KEC-C");
        var rule = new SimWorld(stations, units, new SimPolicy(KeepOnePerKecamatan: true));

        Assert.That(Since(Run(rule with { Policy = SimPolicy.Default }, [kuning]).Calls[0].NotifiedMs), Is.EqualTo(60));
        Assert.That(Since(Run(rule, [merah]).Calls[0].NotifiedMs), Is.EqualTo(60));
        var held = Run(rule, [kuning]).Calls[0];
        Assert.That((held.Unit, Since(held.NotifiedMs)), Is.EqualTo((0, 30 * 60.0)), "held until the kuning target of 30 minutes");
        // A second unit at A: A1 is no longer the last one there and goes at once.
        var two = rule with { Units = [.. units, Unit("A2", 0)] };
        Assert.That(Since(Run(two, [kuning]).Calls[0].NotifiedMs), Is.EqualTo(60));
        // Inside its own kecamatan the last unit goes.
        Assert.That(Since(Run(rule, [kuning with { KecamatanCode = "KEC-A" }]).Calls[0].NotifiedMs), Is.EqualTo(60));
    }
}
