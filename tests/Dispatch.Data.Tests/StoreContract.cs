using System.Data.Common;
using System.Text.Json;
using System.Xml.Linq;
using Dapper;
using Dispatch.Api.Auth;
using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Incidents;
using Dispatch.Api.Units;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;
using Dispatch.Data.Tests.Infrastructure;

namespace Dispatch.Data.Tests;

/// <summary>
/// What the stores promise, written once and run against each database (see the subclasses).
/// Everything goes through <see cref="Db"/> and the stores exactly as the app uses them; raw
/// connections appear only to look at rows from outside, or to try what the app must never do.
/// The fixture shares one database, so each test makes its own uniquely named data.
/// </summary>
public abstract partial class StoreContract
{
    private TestDatabase? _database;

    /// <summary>The <c>Database:Provider</c> value.</summary>
    protected abstract string Provider { get; }

    /// <summary>The folder under Database/Migrations holding this dialect's scripts.</summary>
    protected abstract string MigrationFolder { get; }

    /// <summary>Provides an empty database for this fixture and returns its connection string (or ignores the fixture).</summary>
    protected abstract string CreateDatabase();

    /// <summary>Removes what <see cref="CreateDatabase"/> made; called after the app's connections are gone.</summary>
    protected abstract Task DropDatabaseAsync();

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not started.");
    protected Db Db => Database.Db;
    protected RecordingPublisher Publisher => Database.Publisher;
    protected CallStore Calls => Database.Get<CallStore>();
    protected IncidentStore Incidents => Database.Get<IncidentStore>();
    protected IncidentLogStore Log => Database.Get<IncidentLogStore>();
    protected UnitStore Units => Database.Get<UnitStore>();
    protected StationStore Stations => Database.Get<StationStore>();
    protected UserStore Users => Database.Get<UserStore>();
    protected EventStore Events => Database.Get<EventStore>();

    [OneTimeSetUp]
    public void StartDatabase()
    {
        var connectionString = CreateDatabase();
        _database = TestDatabase.Create(Provider, connectionString);
        _database.Migrate();
    }

    [OneTimeTearDown]
    public async Task StopDatabase()
    {
        if (_database is not null) await _database.DisposeAsync();
        _database = null;
        await DropDatabaseAsync();
    }

    // ---- schema ---------------------------------------------------------------------------------

    [Test]
    public async Task Migrations_are_idempotent()
    {
        var call = await Write(s => Calls.AddAsync(s, Build.Call()));

        Assert.That(() => Database.Migrate(), Throws.Nothing, "second run");
        Assert.That(() => Database.Migrate(), Throws.Nothing, "third run");

        var applied = await Database.ScalarAsync<long>("SELECT COUNT(*) FROM SchemaVersions");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(applied, Is.EqualTo(Migrations.Scripts(MigrationFolder).Count()), "each script is recorded once");
            Assert.That(await Read(s => Calls.FindAsync(s, call.Id)), Is.Not.Null, "data survives a re-run");
        });
    }

    // ---- calls ----------------------------------------------------------------------------------

    [Test]
    public async Task A_call_round_trips_every_field()
    {
        var received = Build.Call(intakeFlags: [CallFlags.ReceivedAtAssumedWib, CallFlags.SourceUnknown]);
        Assert.That(received.FlagList, Has.Count.EqualTo(2), "precondition: the call carries flags");

        var stored = await Write(s => Calls.AddAsync(s, received));
        StateAssert.Same(received, stored, nameof(CallRecord.Id), nameof(CallRecord.Version));
        Assert.That(stored.Id, Is.Positive);
        Assert.That(stored.Version, Is.Zero);

        // Every remaining column gets a value: answered, then linked to an incident.
        stored.Answer(Build.Operator, Build.AnsweredAt);
        stored.LinkTo(987_654, CallOutcome.Attached, Build.Operator, Build.AnsweredAt.AddMilliseconds(73_421));
        await Write(s => Calls.SaveAsync(s, stored));

        var reread = await Read(s => Calls.GetAsync(s, stored.Id));
        StateAssert.Same(stored, reread, nameof(CallRecord.Version));
        StateAssert.Same(reread, await Read(s => Calls.FindByExternalIdAsync(s, received.ExternalId)));
        Assert.That(reread.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_call_without_number_or_location_round_trips_its_nulls()
    {
        var received = Build.Call(callerNumber: null, lat: null, lon: null, accuracyMeters: 30);
        Assert.That(new object?[] { received.Lat, received.Lon, received.AccuracyMeters, received.CallerNumber }, Is.All.Null,
            "precondition: nothing to locate or call back");

        var stored = await Write(s => Calls.AddAsync(s, received));

        StateAssert.Same(received, stored, nameof(CallRecord.Id), nameof(CallRecord.Version));
        Assert.That((await Read(s => Calls.ListOpenAsync(s, 100_000))).Select(c => c.Id), Does.Contain(stored.Id), "a waiting call is open");
    }

    [Test]
    public async Task Adding_a_new_call_stores_it_and_a_known_external_id_changes_nothing()
    {
        var first = Build.Call(Build.Unique("once"));
        var stored = await Write(s => Calls.AddIfNewAsync(s, first));
        var again = Build.Call(first.ExternalId, callerNumber: "0813-0000-0000", lat: null, lon: null);
        var second = await Write(s => Calls.AddIfNewAsync(s, again));

        Assert.That(stored, Is.Not.Null, "a new externalId is stored");
        StateAssert.Same(first, stored!, nameof(CallRecord.Id), nameof(CallRecord.Version));
        Assert.That(second, Is.Null, "a known externalId returns no row");
        StateAssert.Same(stored!, (await Read(s => Calls.FindByExternalIdAsync(s, first.ExternalId)))!);
    }

    [Test]
    public async Task The_same_external_id_twice_is_a_unique_violation()
    {
        var externalId = Build.Unique("dup");
        await Write(s => Calls.AddAsync(s, Build.Call(externalId)));

        var error = Assert.CatchAsync(() => Write(s => Calls.AddAsync(s, Build.Call(externalId))));

        Assert.That(Db.Dialect.IsUniqueViolation(error!), Is.True, $"{Db.Dialect.Name} does not recognise: {error}");
        Assert.That(await Database.ScalarAsync<long>("SELECT COUNT(*) FROM calls WHERE external_id = @externalId", new { externalId }), Is.EqualTo(1));
    }

    [Test]
    public async Task Saving_a_stale_call_is_a_conflict_and_changes_nothing()
    {
        var call = await Write(s => Calls.AddAsync(s, Build.Call()));
        var mine = await Read(s => Calls.GetAsync(s, call.Id));
        var theirs = await Read(s => Calls.GetAsync(s, call.Id));
        theirs.Answer("op-rina", Build.AnsweredAt);
        var afterTheirs = await Write(s => Calls.SaveAsync(s, theirs));

        mine.Answer(Build.Operator, Build.AnsweredAt.AddMilliseconds(5));
        var marker = Build.Unique("stale");
        Assert.ThrowsAsync<ConcurrencyConflict>(() => Write(async s =>
        {
            s.Log(marker, callId: call.Id);
            return await Calls.SaveAsync(s, mine);
        }));

        StateAssert.Same(afterTheirs, await Read(s => Calls.GetAsync(s, call.Id)));
        Assert.That(await CountLogAsync(marker), Is.Zero, "the conflicting transaction's other writes are rolled back");
    }

    // ---- transactions and events ----------------------------------------------------------------

    [Test]
    public async Task A_write_whose_work_throws_rolls_back_everything_and_publishes_nothing()
    {
        var call = Build.Call();
        var marker = Build.Unique("boom");
        var audience = Build.Unique("aud");
        var published = Publisher.Batches.Count;

        Assert.ThrowsAsync<InvalidOperationException>(() => Write<CallRecord>(async s =>
        {
            var stored = await Calls.AddAsync(s, call);
            s.Log(marker, callId: stored.Id);
            s.Emit(EventTypes.CallReceived, audience, new { stored.Id });
            throw new InvalidOperationException("the work failed after writing");
        }));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await Database.ScalarAsync<long>("SELECT COUNT(*) FROM calls WHERE external_id = @ExternalId", new { call.ExternalId }), Is.Zero, "call row");
            Assert.That(await CountLogAsync(marker), Is.Zero, "incident_log row");
            Assert.That(await CountEventsAsync(audience), Is.Zero, "events row");
            Assert.That(Publisher.Batches, Has.Count.EqualTo(published), "nothing is pushed for a rolled-back write");
        });
    }

    [Test]
    public async Task A_committed_write_publishes_its_events_after_the_commit_in_seq_order()
    {
        var audience = Build.Unique("aud");
        var published = Publisher.Batches.Count;

        var first = await EmitAsync(audience, 3);
        var second = await EmitAsync(audience, 2);

        var batches = Publisher.Batches.Skip(published).ToList();
        var seqs = batches.SelectMany(b => b.Events).Select(e => e.Seq).ToList();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.PublishedDuringWork, Is.EqualTo(published), "nothing is pushed before the commit");
            Assert.That(first.NumberedDuringWork, Is.Zero, "events get their sequence numbers with the commit");
            Assert.That(batches.SelectMany(b => b.Events).Select(e => e.Data.GetProperty("i").GetInt32()), Is.EqualTo(new[] { 0, 1, 2, 0, 1 }),
                "each write's events in the order emitted");
            Assert.That(batches.Select(b => b.Events.Count), Is.EqualTo(new[] { 3, 2 }), "one batch per write, all its events");
            Assert.That(batches.Select(b => b.CommittedRows), Is.EqualTo(new[] { 3, 2 }), "every pushed event was already committed");
            Assert.That(seqs, Is.Ordered.Ascending.And.Unique, "Seq strictly increases within and across writes");
            Assert.That(seqs, Is.EqualTo(first.Events.Concat(second.Events).Select(e => e.Seq)), "the pushed events are the ones emitted");
            Assert.That(await Database.ScalarAsync<long>("SELECT COUNT(*) FROM events WHERE audience = @audience", new { audience }), Is.EqualTo(5));
            Assert.That(batches[0].Events.Select(e => e.At), Is.All.EqualTo(first.At), "events carry the write's time");
            Assert.That(batches[1].Events.Select(e => e.At), Is.All.EqualTo(second.At));
        });
    }

    [Test]
    public async Task A_write_with_events_waits_while_another_transaction_holds_the_event_order()
    {
        var audience = Build.Unique("order");
        await using var holder = await Database.OpenRawAsync();
        await using var held = await holder.BeginTransactionAsync();
        // SQLite has one writer at a time: any open write transaction is the event order's lock.
        if (Db.Dialect.EventOrderLock is { } take) await holder.ExecuteAsync(take, transaction: held);
        else await holder.ExecuteAsync("INSERT INTO events (at, type, audience, data) VALUES (0, 'Held', 'held', '{}')", transaction: held);

        var write = EmitAsync(audience, 1);
        var finishedWhileHeld = await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(700))) == write;
        await held.RollbackAsync();
        var emitted = await write.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(finishedWhileHeld, Is.False, "a write drew and committed a sequence number while another transaction held the event order");
        Assert.That(await CountEventsAsync(audience), Is.EqualTo(1), "the write completed once the lock was released");
        Assert.That(emitted.Events.Single().Seq, Is.GreaterThan(0));
    }

    // ---- sign-in throttle ------------------------------------------------------------------------

    [Test]
    public async Task Sign_in_attempts_count_across_nodes_and_store_neither_name_nor_address_as_text()
    {
        var name = Build.Unique("op");
        var key = $"{name}|198.51.100.23";
        var nodeA = new LoginThrottle(Db, Database.Clock);
        var nodeB = new LoginThrottle(Db, Database.Clock);

        var waits = new List<TimeSpan>();
        foreach (var node in new[] { nodeA, nodeA, nodeA, nodeB, nodeB })
            waits.Add(await node.AttemptAsync(key, CancellationToken.None));
        var afterFive = await nodeA.CheckAsync(key, CancellationToken.None);
        waits.Add(await nodeB.AttemptAsync(key.ToUpperInvariant(), CancellationToken.None)); // the sixth, another spelling of the name
        var refused = await nodeA.AttemptAsync(key, CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(waits, Is.All.EqualTo(TimeSpan.Zero), "six attempts may go on (each counted before its password is checked)");
            Assert.That(afterFive, Is.EqualTo(new LoginThrottle.Standing(TimeSpan.Zero, HasFailures: true)));
            Assert.That(refused, Is.EqualTo(TimeSpan.FromSeconds(2)), "the seventh, on the other node, waits");
            Assert.That((await nodeB.CheckAsync(key, CancellationToken.None)).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)), "a refused attempt does not count");
            Assert.That(await nodeA.CheckAsync($"{name}|198.51.100.24", CancellationToken.None), Is.EqualTo(new LoginThrottle.Standing(TimeSpan.Zero, false)),
                "another address has nothing counted");
            Assert.That(await CountThrottleRowsAsync(key), Is.EqualTo(1), "one row, under the SHA-256 of name and address (the only text column)");
        });

        await nodeB.SucceededAsync(key, CancellationToken.None);
        Assert.That(await nodeA.CheckAsync(key, CancellationToken.None), Is.EqualTo(new LoginThrottle.Standing(TimeSpan.Zero, false)), "a success clears it on every node");
    }

    [Test]
    public async Task Parallel_sign_in_attempts_cannot_pass_the_lock_together()
    {
        var key = $"{Build.Unique("burst")}|192.0.2.1";
        var throttle = new LoginThrottle(Db, Database.Clock);

        var waits = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => throttle.AttemptAsync(key, CancellationToken.None)));

        Assert.That(waits.Count(w => w == TimeSpan.Zero), Is.InRange(1, LoginThrottle.FreeFailures + 1),
            "at most the free attempts and the one that locks go on to a password check (the rest wait)");
    }

    [Test]
    public async Task Sign_in_entries_that_ran_out_are_swept_and_running_ones_kept()
    {
        var throttle = new LoginThrottle(Db, Database.Clock);
        string Key(string what) => $"{Build.Unique(what)}|203.0.113.9";
        var flood = Enumerable.Range(0, 20).Select(_ => Key("flood")).ToArray();
        var (longLock, live, late) = (Key("long-lock"), Key("live"), Key("late"));
        var start = Database.Clock.Now.ToUnixTimeMilliseconds();

        foreach (var key in flood) await throttle.AttemptAsync(key, CancellationToken.None);
        // Sixteen failures since the start, the last one locking for 15 minutes: past its window, still locked.
        await Database.ScalarAsync<long>("INSERT INTO login_failures (key_hash, failures, first_at, locked_until) VALUES (@Key, 16, @First, @Until)",
            new { Key = LoginThrottle.Hash(longLock), First = start, Until = start + (long)TimeSpan.FromMinutes(29).TotalMilliseconds });
        Database.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 6; i++) await throttle.AttemptAsync(live, CancellationToken.None);
        Database.Clock.Advance(TimeSpan.FromMinutes(6)); // the flood's and long-lock's windows have passed, live's has not
        await throttle.AttemptAsync(late, CancellationToken.None);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await CountThrottleRowsAsync(flood), Is.Zero, "run-out entries are deleted");
            Assert.That(await CountThrottleRowsAsync(longLock, live, late), Is.EqualTo(3), "a running lock, a running window and the newest stay");
            Assert.That((await throttle.CheckAsync(longLock, CancellationToken.None)).RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(13)));
        });
        Assert.That(await throttle.AttemptAsync(live, CancellationToken.None), Is.EqualTo(TimeSpan.Zero));
        Assert.That((await throttle.CheckAsync(live, CancellationToken.None)).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(4)), "live kept its six failures: the seventh locks for 2^2 s");
    }

    private Task<long> CountThrottleRowsAsync(params string[] keys) =>
        Database.ScalarAsync<long>($"SELECT COUNT(*) FROM login_failures WHERE {Db.Dialect.InList("key_hash", "@Hashes")}",
            new { Hashes = keys.Select(LoginThrottle.Hash).ToArray() });

    [Test]
    public async Task Incident_log_is_append_only()
    {
        var marker = Build.Unique("log");
        await Write(s =>
        {
            s.Log(marker, details: new { note = "original" });
            return Task.CompletedTask;
        });
        var id = await Database.ScalarAsync<long>("SELECT id FROM incident_log WHERE action = @marker", new { marker });

        await using var intruder = await Database.OpenRawAsync();
        var update = Assert.CatchAsync<DbException>(() =>
            intruder.ExecuteAsync("UPDATE incident_log SET actor = 'intruder' WHERE id = @id", new { id }));
        var delete = Assert.CatchAsync<DbException>(() =>
            intruder.ExecuteAsync("DELETE FROM incident_log WHERE id = @id", new { id }));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(update?.Message, Does.Contain("append-only"));
            Assert.That(delete?.Message, Does.Contain("append-only"));
            Assert.That(await Database.ScalarAsync<string>("SELECT actor FROM incident_log WHERE id = @id", new { id }), Is.EqualTo(Build.Operator));
        });
    }

    [Test]
    public async Task The_incident_log_reads_an_incident_and_its_calls_in_order()
    {
        var incident = await OpenIncidentAsync();
        var call = await Read(s => Calls.GetAsync(s, incident.CallId));
        call.LinkTo(incident.Id, CallOutcome.Incident, Build.Operator, Build.IncidentCreatedAt);
        await Write(async s =>
        {
            await Calls.SaveAsync(s, call);
            s.Log("call.linked", callId: call.Id, details: new { outcome = "incident" });
            s.Log("incident.noted", incidentId: incident.Id, unitId: 77);
            s.Log("elsewhere", callId: call.Id + 1_000_000);
        });

        var entries = await Log.ForIncidentAsync(incident.Id, CancellationToken.None);

        Assert.That(entries.Select(e => e.Action), Is.EqualTo(new[] { "call.linked", "incident.noted" }));
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.Id), Is.Ordered.Ascending);
            Assert.That(entries[0].Details?.GetRawText(), Is.EqualTo("""{"outcome":"incident"}"""));
            Assert.That((entries[1].IncidentId, entries[1].UnitId, entries[1].Details), Is.EqualTo(((long?)incident.Id, (long?)77, (JsonElement?)null)));
            Assert.That(entries.Select(e => (e.Actor, e.At)), Is.All.EqualTo((Build.Operator, Database.Clock.Now)));
        });
    }

    // ---- incidents ------------------------------------------------------------------------------

    [Test]
    public async Task Only_one_active_incident_can_hold_a_unit()
    {
        var unit = await AddUnitAsync();
        var first = await OpenIncidentAsync();
        var second = await OpenIncidentAsync();
        var time = new TimeLine(Build.IncidentCreatedAt);

        first.Assign(unit.Id, unit.CallSign, Build.Operator, time.Next());
        first = await Write(s => Incidents.SaveAsync(s, first));
        second.Assign(unit.Id, unit.CallSign, Build.Operator, time.Next());
        var error = Assert.CatchAsync(() => Write(s => Incidents.SaveAsync(s, second)));

        Assert.That(Db.Dialect.IsUniqueViolation(error!), Is.True, $"{Db.Dialect.Name} does not recognise: {error}");
        var unchanged = await Read(s => Incidents.GetAsync(s, second.Id));
        Assert.That((unchanged.Status, unchanged.UnitId), Is.EqualTo((IncidentStatus.Pending, (long?)null)));

        // The index is filtered: once the first incident ends, the unit is free for the second.
        first.Cancel("Pasien dibawa keluarga", time.Next());
        await Write(s => Incidents.SaveAsync(s, first));
        var saved = await Write(s => Incidents.SaveAsync(s, second));
        Assert.That((saved.Status, saved.UnitId), Is.EqualTo((IncidentStatus.Dispatched, (long?)unit.Id)));
    }

    [Test]
    public async Task An_incident_round_trips_every_time_point_of_a_full_run()
    {
        var destination = await Write(s => Stations.AddAsync(s, Build.Station()));
        var unit = await AddUnitAsync();
        var incident = await AddIncidentAsync();
        var time = new TimeLine(Build.IncidentCreatedAt);

        incident.Assign(unit.Id, unit.CallSign, Build.Operator, time.Next());
        incident.Acknowledge(unit.Id, time.Next());
        incident.ApplyStatus(unit.Id, CrewStatus.EnRoute, time.Next());
        incident.ApplyStatus(unit.Id, CrewStatus.OnScene, time.Next());
        incident.ApplyStatus(unit.Id, CrewStatus.Transporting, time.Next(), destination);
        incident.ApplyStatus(unit.Id, CrewStatus.AtDestination, time.Next(), via: Response.ViaRadio);
        incident.ApplyStatus(unit.Id, CrewStatus.Handover, time.Next());
        incident.ApplyStatus(unit.Id, CrewStatus.Available, time.Next());
        incident.Close(time.Next());
        await Write(s => Incidents.SaveAsync(s, incident));

        var reread = await Read(s => Incidents.GetAsync(s, incident.Id));
        StateAssert.Same(incident, reread, nameof(Incident.Version), nameof(Incident.Responses));
        StateAssert.Same(incident.Responses.Single(), reread.Responses.Single(), nameof(Response.Id));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(reread.Version, Is.EqualTo(1));
            Assert.That(TimePoints(reread.Times).Where(p => p.At is null).Select(p => p.Name), Is.EqualTo(new[] { nameof(IncidentTimes.Cancelled) }),
                "the run set every time point but Cancelled");
            Assert.That((await Read(s => Incidents.ListActiveAsync(s))).Select(i => i.Id), Does.Not.Contain(incident.Id), "closed is not active");
        });
    }

    [Test]
    public async Task A_cancelled_incident_round_trips()
    {
        var unit = await AddUnitAsync();
        var incident = await AddIncidentAsync();
        Assert.That((await Read(s => Incidents.ListActiveAsync(s))).Select(i => i.Id), Does.Contain(incident.Id), "pending is active");
        var time = new TimeLine(Build.IncidentCreatedAt);

        incident.Assign(unit.Id, unit.CallSign, Build.Operator, time.Next());
        incident.Cancel("Penelepon membatalkan", time.Next());
        await Write(s => Incidents.SaveAsync(s, incident));

        var reread = await Read(s => Incidents.GetAsync(s, incident.Id));
        StateAssert.Same(incident, reread, nameof(Incident.Version), nameof(Incident.Responses));
        StateAssert.Same(incident.Responses.Single(), reread.Responses.Single(), nameof(Response.Id));
        Assert.That((await Read(s => Incidents.ListActiveAsync(s))).Select(i => i.Id), Does.Not.Contain(incident.Id), "cancelled is not active");
    }

    [Test]
    public async Task Responses_round_trip_how_they_ended_diverted_released_and_declined()
    {
        var (a, b, c) = (await AddUnitAsync(), await AddUnitAsync(), await AddUnitAsync());
        var kuning = await OpenIncidentAsync();
        var merah = await OpenIncidentAsync();
        var time = new TimeLine(Build.IncidentCreatedAt);

        kuning.Assign(a.Id, a.CallSign, Build.Operator, time.Next());
        kuning.Assign(b.Id, b.CallSign, Build.Operator, time.Next());
        kuning.Assign(c.Id, c.CallSign, Build.Operator, time.Next());
        kuning.Release(b.Id, "Unit lain lebih dekat", time.Next());
        kuning.Decline(c.Id, "Ban bocor", time.Next());
        merah.DivertHere(kuning, a.Id, a.CallSign, confirmLowerPriority: true, Build.Operator, time.Next());
        // The unit leaves first: the database never sees it on two incidents.
        await Write(s => Incidents.SaveAsync(s, kuning));
        await Write(s => Incidents.SaveAsync(s, merah));

        var (k, m) = (await Read(s => Incidents.GetAsync(s, kuning.Id)), await Read(s => Incidents.GetAsync(s, merah.Id)));
        for (var i = 0; i < 3; i++) StateAssert.Same(kuning.Responses[i], k.Responses[i], nameof(Response.Id));
        StateAssert.Same(merah.Responses.Single(), m.Responses.Single(), nameof(Response.Id));
        Assert.Multiple(() =>
        {
            Assert.That(k.Responses.Select(r => r.EndReason), Is.EqualTo(new ResponseEnd?[] { ResponseEnd.Diverted, ResponseEnd.Released, ResponseEnd.Declined }));
            Assert.That(k.Responses[0].DivertedToIncidentId, Is.EqualTo(merah.Id));
            Assert.That(k.Responses[1].EndNote, Is.EqualTo("Unit lain lebih dekat"));
            Assert.That(k.Status, Is.EqualTo(IncidentStatus.Pending), "waiting for a unit again");
            Assert.That(m.UnitId, Is.EqualTo(a.Id));
        });
    }

    // ---- event feed -----------------------------------------------------------------------------

    [Test]
    public async Task The_event_feed_returns_only_the_asked_audiences_in_seq_order_up_to_the_limit()
    {
        var (ops, crew, other) = (Build.Unique("ops"), Build.Unique("unit"), Build.Unique("other"));
        var events = new (string Type, string Audience, object Data)[]
        {
            (EventTypes.CallReceived, ops, new { n = 1 }),
            (EventTypes.UnitChanged, other, new { n = 2 }),
            (EventTypes.IncidentChanged, crew, new { n = 3, text = "Jl. Sudirman" }),
            (EventTypes.CallUpdated, crew, new { n = 4 }),
            (EventTypes.AssignmentOffered, ops, new { n = 5 }),
        };
        var firstAt = Database.Clock.Now;
        await Write(async s => { foreach (var e in events[..3]) s.Emit(e.Type, e.Audience, e.Data); });
        Database.Clock.Advance(TimeSpan.FromMilliseconds(1_003));
        var secondAt = Database.Clock.Now;
        await Write(async s => { foreach (var e in events[3..]) s.Emit(e.Type, e.Audience, e.Data); });

        var all = await Events.AfterAsync(0, [ops, crew], 100, CancellationToken.None);
        var expected = events.Where(e => e.Audience != other)
            .Select(e => (e.Type, e.Audience, JsonSerializer.Serialize(e.Data, Json.Options))).ToList();

        Assert.That(all.Select(e => (e.Type, e.Audience, e.Data.GetRawText())), Is.EqualTo(expected));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(all.Select(e => e.Seq), Is.Ordered.Ascending.And.Unique);
            Assert.That(all.Select(e => e.At), Is.EqualTo(new[] { firstAt, firstAt, secondAt, secondAt }), "each event carries its write's time");
            Assert.That(await Events.AfterAsync(0, [ops, crew], 2, CancellationToken.None), Is.EqualTo(all.Take(2)).Using<EventEnvelope>(SameEvent), "limit");
            Assert.That(await Events.AfterAsync(all[0].Seq, [ops, crew], 100, CancellationToken.None), Is.EqualTo(all.Skip(1)).Using<EventEnvelope>(SameEvent), "after");
            Assert.That(await Events.AfterAsync(0, [crew], 100, CancellationToken.None), Is.EqualTo(all.Where(e => e.Audience == crew)).Using<EventEnvelope>(SameEvent), "one audience");
            Assert.That(await Events.AfterAsync(0, [], 100, CancellationToken.None), Is.Empty, "no audience");
        });
    }

    // ---- units, stations, users -----------------------------------------------------------------

    [Test]
    public async Task A_unit_round_trips()
    {
        var home = await Write(s => Stations.AddAsync(s, Build.Station(StationKind.PscPost)));
        var created = Build.Unit(home);

        var stored = await Write(s => Units.AddAsync(s, created));
        StateAssert.Same(created, stored, nameof(Unit.Id), nameof(Unit.Version));

        stored.ReportPosition(new(-0.7654321098765, 100.6789012345678), 8.25, Build.ReceivedAt.AddMilliseconds(777));
        stored.AssignTo(4242);
        stored.Edit(Build.Unique("AMB"), "BA 1234 XY", UnitType.Bls, home);
        await Write(s => Units.SaveAsync(s, stored));

        var reread = await Read(s => Units.GetAsync(s, stored.Id));
        StateAssert.Same(stored, reread, nameof(Unit.Version));
        Assert.That(reread.Version, Is.EqualTo(1));
        Assert.That((await Read(s => Units.ListAsync(s))).Select(u => u.Id), Does.Contain(stored.Id));
    }

    [Test]
    public async Task A_station_round_trips()
    {
        var station = Build.Station();

        var id = await Write(s => Stations.AddAsync(s, station));

        Assert.That(await Read(s => Stations.GetAsync(s, id)), Is.EqualTo(station with { Id = id }));
        Assert.That(await Read(s => Stations.ListAsync(s)), Does.Contain(station with { Id = id }));
        Assert.ThrowsAsync<NotFound>(() => Read(s => Stations.GetAsync(s, id + 1_000_000)));
    }

    [Test]
    public void The_data_protection_key_ring_keeps_every_key_in_order()
    {
        var store = Database.Get<DataProtectionKeyStore>();
        var before = store.GetAllElements().Count;
        XElement Key(string note) => new("key", new XAttribute("id", Guid.NewGuid()), new XElement("descriptor", note, new XCData("<secret/>")));
        var first = Key("Kunci pertama é ü ✓");
        var second = Key("second");

        store.StoreElement(first, "key-1");
        store.StoreElement(second, "key-2");

        Assert.That(store.GetAllElements().Skip(before).Select(x => x.ToString()), Is.EqualTo(new[] { first.ToString(), second.ToString() }),
            "what a node stores, every node reads back, oldest first");
    }

    [Test]
    public async Task A_user_round_trips()
    {
        var unit = await AddUnitAsync();
        var user = Build.User(unit.Id);

        var id = await Write(s => Users.AddAsync(s, user));
        var found = await Read(s => Users.FindAsync(s, user.UserName));
        StateAssert.Same(user, found, nameof(UserAccount.Id), nameof(UserAccount.UnitBoundAt)); // the binding: StoreContract.UnitBinding.cs
        Assert.That(found!.Id, Is.EqualTo(id));

        await Write(s => Users.RehashAsync(s, id, "pbkdf2$sha256$900000$bmV3$bmV3"));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await Read(s => Users.FindAsync(s, user.UserName)))?.PasswordHash, Is.EqualTo("pbkdf2$sha256$900000$bmV3$bmV3"));
            Assert.That(await Read(s => Users.FindAsync(s, Build.Unique("nobody"))), Is.Null);
            Assert.That(await Read(s => Users.CountAsync(s)), Is.GreaterThanOrEqualTo(1));
        });
    }

    // ---- helpers --------------------------------------------------------------------------------

    protected Task<T> Write<T>(Func<DbSession, Task<T>> work) => Db.WriteAsync(Build.Operator, work, CancellationToken.None);

    protected Task Write(Func<DbSession, Task> work) => Write(async s =>
    {
        await work(s);
        return true;
    });

    protected Task<T> Read<T>(Func<DbSession, Task<T>> work) => Db.ReadAsync(work, CancellationToken.None);

    protected Task<Unit> AddUnitAsync() => Write(s => Units.AddAsync(s, Build.Unit(homeStationId: null)));

    /// <summary>A stored call, answered by <see cref="Build.Operator"/>.</summary>
    protected async Task<CallRecord> AnsweredCallAsync()
    {
        var call = await Write(s => Calls.AddAsync(s, Build.Call()));
        call.Answer(Build.Operator, Build.AnsweredAt);
        return await Write(s => Calls.SaveAsync(s, call));
    }

    /// <summary>A stored pending incident from a fresh answered call, checked to round-trip as inserted.</summary>
    protected async Task<Incident> AddIncidentAsync()
    {
        var opened = Build.Incident(await AnsweredCallAsync());
        var stored = await Write(s => Incidents.AddAsync(s, opened));
        StateAssert.Same(opened, stored, nameof(Incident.Id), nameof(Incident.Version));
        return stored;
    }

    protected async Task<Incident> OpenIncidentAsync()
    {
        var opened = Build.Incident(await AnsweredCallAsync());
        return await Write(s => Incidents.AddAsync(s, opened));
    }

    private Task<long> CountLogAsync(string action) =>
        Database.ScalarAsync<long>("SELECT COUNT(*) FROM incident_log WHERE action = @action", new { action });

    private Task<long> CountEventsAsync(string audience) =>
        Database.ScalarAsync<long>("SELECT COUNT(*) FROM events WHERE audience = @audience", new { audience });

    private sealed record Emitted(IReadOnlyList<EventEnvelope> Events, int PublishedDuringWork, int NumberedDuringWork, DateTimeOffset At);

    /// <summary>One write emitting <paramref name="count"/> events, noting what was published while it ran.</summary>
    private async Task<Emitted> EmitAsync(string audience, int count)
    {
        Database.Clock.Advance(TimeSpan.FromMilliseconds(1_001));
        var at = Database.Clock.Now;
        var publishedDuringWork = -1;
        var numberedDuringWork = -1;
        var session = await Write(s =>
        {
            for (var i = 0; i < count; i++) s.Emit(EventTypes.UnitChanged, audience, new { i });
            publishedDuringWork = Publisher.Batches.Count;
            numberedDuringWork = s.Events.Count;
            return Task.FromResult(s);
        });
        return new Emitted(session.Events, publishedDuringWork, numberedDuringWork, at);
    }

    private static IEnumerable<(string Name, DateTimeOffset? At)> TimePoints(IncidentTimes times) =>
        typeof(IncidentTimes).GetProperties().Select(p => (p.Name, (DateTimeOffset?)p.GetValue(times)));

    private static bool SameEvent(EventEnvelope a, EventEnvelope b) =>
        (a.Seq, a.Type, a.Audience, a.At, a.Data.GetRawText()) == (b.Seq, b.Type, b.Audience, b.At, b.Data.GetRawText());
}
