using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.ScaleOut;

/// <summary>
/// Two real API processes behind no proxy, sharing one PostgreSQL database and Redis: what one node
/// stores, operators on the other hear; event numbers are one order for the whole system; a
/// client may come back on either node; the database settles races between nodes.
/// </summary>
[NonParallelizable] // The seventh wrong password must arrive within the 2 s lock of the sixth, each after a slow password check.
public sealed class MultiNodeTests : TwoNodeTest
{
    protected override Task<TwoNodes> StartNodesAsync() => TwoNodes.StartAsync(TwoNodes.SuiteRedisOrIgnore());

    [Test]
    public async Task A_call_ingested_on_node_A_reaches_an_operator_connected_to_node_B()
    {
        await using var onB = await B.Api.ListenAsync("operator1");
        await using var onA = await A.Api.ListenAsync("operator2");
        var externalId = Unique("cross");

        var call = await A.Api.IngestAsync(externalId);

        var pushed = await onB.WaitForAsync(e => e.Type == "CallReceived" && e.Str("externalId") == externalId);
        Assert.That(pushed.Long("id"), Is.EqualTo(call.GetProperty("id").GetInt64()));
        Assert.That((await onA.WaitForAsync(e => e.Str("externalId") == externalId)).Seq, Is.EqualTo(pushed.Seq), "both nodes deliver the same event");
    }

    [Test]
    public async Task Event_numbers_are_one_gap_free_order_on_both_nodes_and_a_polling_client_never_skips_one()
    {
        using var opA = await A.Api.AsAsync("operator1");
        using var opB = await B.Api.AsAsync("operator1");
        var start = (await ApiClient.OkJsonAsync(await opA.GetAsync("/api/events/last"))).GetProperty("seq").GetInt64();

        // A client that only ever asks node B for what comes after the last number it saw: if a lower
        // number committed after a higher one was visible, this client would pass over it for good.
        using var done = new CancellationTokenSource();
        var polled = new List<long>();
        var poller = Task.Run(async () =>
        {
            var cursor = start;
            for (;;)
            {
                var finalRound = done.IsCancellationRequested; // decided before reading: the last read starts after every commit
                var page = await SeqsAsync(opB, cursor);
                polled.AddRange(page);
                if (page.Count > 0) cursor = page[^1];
                else if (finalRound) return;
                else await Task.Delay(2);
            }
        });

        var externalIds = Enumerable.Range(0, 80).Select(i => Unique($"order-{i}")).ToList();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(externalIds.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            try { await (i % 2 == 0 ? A : B).Api.IngestAsync(id); }
            finally { gate.Release(); }
        }));
        await done.CancelAsync();
        await poller;

        var fromA = await FeedAsync(opA, start);
        var fromB = await FeedAsync(opB, start);
        var seqs = fromA.Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fromB.Select(e => e.GetRawText()), Is.EqualTo(fromA.Select(e => e.GetRawText())), "both nodes serve the same feed");
            Assert.That(seqs, Is.EqualTo(Enumerable.Range(1, externalIds.Count).Select(i => start + i)), "one number per event, ascending, no gap");
            Assert.That(fromA.Select(e => e.GetProperty("data").GetProperty("externalId").GetString()), Is.EquivalentTo(externalIds), "every call once");
            Assert.That(polled, Is.EqualTo(seqs), "the polling client saw every number, in order, once");
        });
    }

    [Test]
    public async Task A_client_that_reconnects_to_the_other_node_fetches_what_it_missed_with_the_same_token()
    {
        var token = await A.Api.TokenAsync("operator2"); // issued by node A
        var onA = await HubListener.ConnectAsync(A.BaseAddress, token);
        // The operators group is joined through Redis just after the handshake; a call pushed in
        // that instant is only in the feed (the console catches up from it). Wait for a live push.
        Pushed? seen = null;
        for (var attempt = 0; seen is null; attempt++)
        {
            var first = await A.Api.IngestAsync(Unique("before"));
            try { seen = await onA.WaitForAsync(e => e.Long("id") == first.GetProperty("id").GetInt64(), TimeSpan.FromSeconds(3)); }
            catch (TimeoutException) when (attempt < 3) { /* subscribed a moment later */ }
        }
        await onA.DisposeAsync(); // the connection to node A drops

        var missed = new List<long>();
        foreach (var node in new[] { B, A, B })
            missed.Add((await node.Api.IngestAsync(Unique("missed"))).GetProperty("id").GetInt64());

        // Back on node B, with the token node A issued: the key ring is shared through the database.
        await using var onB = await HubListener.ConnectAsync(B.BaseAddress, token);
        using var http = new HttpClient { BaseAddress = B.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var feed = await FeedAsync(http, seen.Seq);

        Assert.That(feed.Where(e => e.GetProperty("type").GetString() == "CallReceived").Select(e => e.GetProperty("data").GetProperty("id").GetInt64()),
            Is.EqualTo(missed), "what it missed, in order, once");
        Assert.That(feed.Select(e => e.GetProperty("seq").GetInt64()), Is.Ordered.And.Unique.And.All.GreaterThan(seen.Seq));
        var next = await A.Api.IngestAsync(Unique("after"));
        await onB.WaitForAsync(e => e.Long("id") == next.GetProperty("id").GetInt64());
    }

    [Test]
    public async Task A_user_disabled_on_node_A_loses_the_live_connection_held_on_node_B()
    {
        using var admin = await A.Api.AsAsync("admin");
        var user = await ApiClient.OkJsonAsync(await admin.PostAsJsonAsync("/api/admin/users",
            new { username = Unique("op-b"), role = "operator", password = "kata-sandi-awal" }));
        var name = user.GetProperty("username").GetString()!;
        var token = await B.Api.TokenAsync(name, await A.Api.ChooseOwnPasswordAsync(name, "kata-sandi-awal"));
        await using var onB = await HubListener.ConnectAsync(B.BaseAddress, token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        onB.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        await ApiClient.OkJsonAsync(await admin.PutAsJsonAsync($"/api/admin/users/{user.GetProperty("id").GetInt64()}", new { role = "operator", disabled = true }));

        // Node B learns it from the database: its account cache (10 s) then its sweep (2 s).
        Assert.That(await closed.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully), Is.True, "node B closed the connection");
        Assert.That(async () => await HubListener.ConnectAsync(B.BaseAddress, token),
            Throws.InstanceOf<HttpRequestException>().With.Property(nameof(HttpRequestException.StatusCode)).EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Failed_sign_ins_on_both_nodes_add_up()
    {
        using var onA = new HttpClient { BaseAddress = A.BaseAddress };
        using var onB = new HttpClient { BaseAddress = B.BaseAddress };
        var codes = new List<HttpStatusCode>();
        foreach (var client in new[] { onA, onB, onA, onB, onA, onB, onA })
            codes.Add((await client.PostAsJsonAsync("/api/auth/login", new { username = "dinkes1", password = "salah" })).StatusCode);

        // Five free failures, the sixth locks for 2 s: the seventh is refused, on the other node.
        Assert.That(codes, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.Unauthorized, 6).Append(HttpStatusCode.TooManyRequests)));
    }

    [Test]
    public async Task One_unit_assigned_from_both_nodes_at_once_is_assigned_once()
    {
        using var onA = await A.Api.AsAsync("operator1");
        using var onB = await B.Api.AsAsync("operator2");
        for (var round = 0; round < 4; round++)
        {
            var first = await A.Api.OpenIncidentAsync(onA, Unique("race-a"));
            var second = await B.Api.OpenIncidentAsync(onB, Unique("race-b"));
            var unitId = (await ApiClient.OkJsonAsync(await onA.GetAsync("/api/units"))).EnumerateArray()
                .First(u => u.GetProperty("status").GetString()!.StartsWith("available", StringComparison.Ordinal)).GetProperty("id").GetInt64();

            var results = await Task.WhenAll(
                onA.PostAsJsonAsync($"/api/incidents/{first}/assign", new { unitId }),
                onB.PostAsJsonAsync($"/api/incidents/{second}/assign", new { unitId }));

            Assert.That(results.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }), $"round {round}");
            await using (var db = await Nodes.OpenDatabaseAsync())
            {
                Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incidents WHERE unit_id = @unitId AND status = 'Dispatched'", new { unitId }), Is.EqualTo(1));
                Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM responses WHERE unit_id = @unitId AND ended_at IS NULL", new { unitId }), Is.EqualTo(1));
            }
            var (winner, loser) = results[0].IsSuccessStatusCode ? (first, second) : (second, first);
            Assert.That((await ApiClient.OkJsonAsync(await onB.GetAsync($"/api/incidents/{loser}"))).GetProperty("status").GetString(), Is.EqualTo("pending"));
            await ApiClient.OkJsonAsync(await onA.PostAsJsonAsync($"/api/incidents/{winner}/cancel", new { reason = "test" }));
        }
    }

    private static async Task<List<long>> SeqsAsync(HttpClient client, long after) =>
        [.. (await ApiClient.OkJsonAsync(await client.GetAsync($"/api/events?after={after}"))).EnumerateArray().Select(e => e.GetProperty("seq").GetInt64())];
}
