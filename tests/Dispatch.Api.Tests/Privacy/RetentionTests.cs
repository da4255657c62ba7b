using Dapper;
using Dispatch.Api.Database;
using Dispatch.Api.Privacy;
using Dispatch.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Tests.Privacy;

/// <summary>
/// The daily retention job and its rules, driven one pass at a time at chosen moments (a clock of
/// the test's own, days ahead of the app's, so the app's own rows and its background check never
/// interfere): rows just past a rule's limit go, rows just inside it stay.
/// </summary>
[TestFixture(TestApp.Sqlite)]
[TestFixture(TestApp.Postgres)]
public sealed class RetentionTests(string database) : ApiTest(database)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // Each test a day of its own, later than the previous test's by more than the longest limit it
    // checks below a year, and well ahead of the app's clock: the rows earlier tests left are then
    // simply old, as they would be on a real site.
    private DateTimeOffset _now = TimeProvider.System.GetUtcNow().AddDays(400);

    [SetUp]
    public void NewDay()
    {
        _now += TimeSpan.FromDays(10);
        using var db = App.OpenDatabase();
        db.Execute("UPDATE job_runs SET holder = NULL, lease_until = NULL, last_run_at = NULL WHERE name = 'retention'");
    }

    private RetentionJob Job => App.Services.GetRequiredService<RetentionJob>();

    [Test]
    public async Task Events_older_than_EventsDays_go_and_younger_ones_stay()
    {
        var old = InsertEvent(_now - TimeSpan.FromDays(7) - Minute, "CallUpdated");
        var young = InsertEvent(_now - TimeSpan.FromDays(7) + Minute, "CallUpdated");
        var newest = InsertEvent(_now, "CallUpdated");

        var pass = await Job.RunPassAsync(_now, CancellationToken.None);

        Assert.That(pass, Is.Not.Null, "the pass ran");
        Assert.That(EventsLeft(old, young, newest), Is.EqualTo(new[] { young, newest }));
        Assert.That(pass!.Counts["events"], Is.GreaterThanOrEqualTo(1));
        Assert.That(pass.Failed, Is.Empty);
        Assert.That(App.Logs, Has.Some.Contains($"Retention rule events removed or erased {pass.Counts["events"]} rows"));
        using var db = App.OpenDatabase();
        Assert.That(db.Query<string>("SELECT details FROM incident_log WHERE action = 'retention.applied'"), Has.Some.Contains("\"events\""),
            "what ran is in the incident log");
    }

    [Test]
    public async Task Positions_older_than_PositionDays_go_and_other_events_of_that_age_stay()
    {
        var oldPosition = InsertEvent(_now - TimeSpan.FromDays(1) - Minute, "UnitChanged");
        var oldCall = InsertEvent(_now - TimeSpan.FromDays(1) - Minute, "CallUpdated");
        var youngPosition = InsertEvent(_now - TimeSpan.FromDays(1) + Minute, "UnitChanged");
        InsertEvent(_now, "CallUpdated");

        var pass = await Job.RunPassAsync(_now, CancellationToken.None);

        Assert.That(EventsLeft(oldPosition, oldCall, youngPosition), Is.EqualTo(new[] { oldCall, youngPosition }));
        Assert.That(pass!.Counts["positions"], Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Security_events_older_than_SecurityEventsDays_go_and_younger_ones_stay()
    {
        var old = InsertSecurityEvent(_now - TimeSpan.FromDays(365) - Minute);
        var young = InsertSecurityEvent(_now - TimeSpan.FromDays(365) + Minute);

        var pass = await Job.RunPassAsync(_now, CancellationToken.None);

        using var db = App.OpenDatabase();
        Assert.That(db.Query<long>($"SELECT id FROM security_events WHERE id IN ({old}, {young})"), Is.EqualTo(new[] { young }));
        Assert.That(pass!.Counts["security-events"], Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task A_backlog_larger_than_one_batch_is_deleted_in_batches()
    {
        var at = (_now - TimeSpan.FromDays(30)).ToUnixTimeMilliseconds();
        using (var db = App.OpenDatabase())
        {
            using var tx = db.BeginTransaction();
            db.Execute("INSERT INTO events (at, type, audience, data) VALUES (@At, 'CallUpdated', 'operators', '{}')",
                Enumerable.Range(0, EventPruner.Batch * 2 + 10).Select(i => new { At = at + i }), tx);
            db.Execute("INSERT INTO security_events (at, kind) VALUES (@At, 'sign-in')",
                Enumerable.Range(0, SecurityEventsRetentionRule.Batch + 10).Select(_ => new { At = (_now - TimeSpan.FromDays(400)).ToUnixTimeMilliseconds() }), tx);
            tx.Commit();
        }
        var newest = InsertEvent(_now, "CallUpdated");

        await Job.RunPassAsync(_now, CancellationToken.None);

        using var check = App.OpenDatabase();
        Assert.That(check.ExecuteScalar<long>("SELECT COUNT(*) FROM events WHERE at <= @At", new { At = at + EventPruner.Batch * 3 }), Is.Zero);
        Assert.That(check.ExecuteScalar<long>("SELECT COUNT(*) FROM security_events WHERE at < @At",
            new { At = (_now - TimeSpan.FromDays(365)).ToUnixTimeMilliseconds() }), Is.Zero);
        Assert.That(check.ExecuteScalar<long>("SELECT MAX(seq) FROM events"), Is.EqualTo(newest));
    }

    [Test]
    public async Task The_newest_event_stays_however_old_so_the_sequence_never_goes_back()
    {
        var newest = InsertEvent(_now - TimeSpan.FromDays(100), "CallUpdated");

        await Job.RunPassAsync(_now, CancellationToken.None);

        Assert.That(EventsLeft(newest), Is.EqualTo(new[] { newest }));
    }

    [Test]
    public async Task A_rule_set_to_0_keeps_everything()
    {
        var oldEvent = InsertEvent(_now - TimeSpan.FromDays(3650), "UnitChanged");
        var oldSecurity = InsertSecurityEvent(_now - TimeSpan.FromDays(3650));
        InsertEvent(_now, "CallUpdated");
        var keep = Options.Create(new RetentionOptions { EventsDays = 0, PositionDays = 0, SecurityEventsDays = 0 });
        var pruner = App.Services.GetRequiredService<EventPruner>();
        IRetentionRule[] rules =
        [
            new EventsRetentionRule(pruner, keep), new PositionsRetentionRule(pruner, keep),
            new SecurityEventsRetentionRule(App.Services.GetRequiredService<Db>(), keep),
        ];

        foreach (var rule in rules) Assert.That(await rule.ApplyAsync(_now, CancellationToken.None), Is.Zero, rule.Name);

        Assert.That(EventsLeft(oldEvent), Is.EqualTo(new[] { oldEvent }));
        using var db = App.OpenDatabase();
        Assert.That(db.ExecuteScalar<long>($"SELECT COUNT(*) FROM security_events WHERE id = {oldSecurity}"), Is.EqualTo(1));
    }

    [Test]
    public async Task Of_two_job_instances_on_one_database_only_one_runs_a_pass()
    {
        var first = ActivatorUtilities.CreateInstance<RetentionJob>(App.Services);
        var second = ActivatorUtilities.CreateInstance<RetentionJob>(App.Services);
        Assert.That(first.Holder, Is.Not.EqualTo(second.Holder));

        var passes = await Task.WhenAll(first.RunPassAsync(_now, CancellationToken.None), second.RunPassAsync(_now, CancellationToken.None));

        Assert.That(passes.Count(p => p is not null), Is.EqualTo(1),
            "exactly one instance ran");
        Assert.That(await first.RunPassAsync(_now + TimeSpan.FromHours(23), CancellationToken.None), Is.Null, "not due again within the day");
        Assert.That(await second.RunPassAsync(_now + TimeSpan.FromHours(23), CancellationToken.None), Is.Null, "not due again within the day");
        Assert.That(await second.RunPassAsync(_now + TimeSpan.FromDays(1), CancellationToken.None), Is.Not.Null, "due a day later, on either node");
    }

    [Test]
    public async Task A_lease_held_by_another_node_blocks_the_pass_until_it_expires()
    {
        using (var db = App.OpenDatabase())
            db.Execute("UPDATE job_runs SET holder = 'other-node/1', lease_until = @Until WHERE name = 'retention'",
                new { Until = (_now + TimeSpan.FromMinutes(30)).ToUnixTimeMilliseconds() });

        Assert.That(await Job.RunPassAsync(_now, CancellationToken.None), Is.Null, "the other node holds the lease");
        Assert.That(await Job.RunPassAsync(_now + TimeSpan.FromMinutes(31), CancellationToken.None), Is.Not.Null, "the lease of a node that died expires");
        using var after = App.OpenDatabase();
        Assert.That(after.ExecuteScalar<string?>("SELECT holder FROM job_runs WHERE name = 'retention'"), Is.Null, "given back after the pass");
    }

    [Test]
    public async Task A_failing_rule_is_logged_the_others_run_and_the_pass_runs_again_at_the_next_check()
    {
        var old = InsertEvent(_now - TimeSpan.FromDays(8), "CallUpdated");
        InsertEvent(_now, "CallUpdated");
        var events = App.Services.GetServices<IRetentionRule>().Single(r => r.Name == "events");
        var job = new RetentionJob([new FailingRule(), events], App.Services.GetRequiredService<JobLease>(), App.Services.GetRequiredService<Db>(),
            TimeProvider.System, App.Services.GetRequiredService<ILogger<RetentionJob>>());

        var pass = await job.RunPassAsync(_now, CancellationToken.None);

        Assert.That(pass!.Failed, Is.EqualTo(new[] { "failing" }));
        Assert.That(EventsLeft(old), Is.Empty, "the rule after the failing one ran");
        Assert.That(App.Logs, Has.Some.Contains("Retention rule failing failed"));
        Assert.That(await job.RunPassAsync(_now + RetentionJob.CheckEvery, CancellationToken.None), Is.Not.Null, "not marked complete: tried again at the next check");
    }

    [Test]
    public void A_negative_number_of_days_stops_the_start()
    {
        using var app = new TestApp(new() { ["Retention:PositionDays"] = "-1" }, Database);
        var refused = Assert.Catch(() => app.Start());
        var problems = new List<string>();
        for (var e = refused; e is not null; e = e.InnerException) problems.Add(e.Message);
        Assert.That(problems, Has.Some.Contains("Retention:PositionDays must be 0 (keep) or a number of days, not -1."));
    }

    private sealed class FailingRule : IRetentionRule
    {
        public string Name => "failing";

        public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct) => throw new InvalidOperationException("a fault of this rule");
    }

    private long InsertEvent(DateTimeOffset at, string type)
    {
        using var db = App.OpenDatabase();
        return db.ExecuteScalar<long>("INSERT INTO events (at, type, audience, data) VALUES (@At, @Type, 'operators', '{}') RETURNING seq",
            new { At = at.ToUnixTimeMilliseconds(), Type = type });
    }

    private long InsertSecurityEvent(DateTimeOffset at)
    {
        using var db = App.OpenDatabase();
        return db.ExecuteScalar<long>("INSERT INTO security_events (at, kind) VALUES (@At, 'sign-in') RETURNING id", new { At = at.ToUnixTimeMilliseconds() });
    }

    private long[] EventsLeft(params long[] seqs)
    {
        using var db = App.OpenDatabase();
        return db.Query<long>($"SELECT seq FROM events WHERE seq IN ({string.Join(", ", seqs)}) ORDER BY seq").ToArray();
    }
}
