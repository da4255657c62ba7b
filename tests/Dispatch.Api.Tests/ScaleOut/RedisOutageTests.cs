using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.ScaleOut;

/// <summary>
/// Two API nodes whose Redis dies and comes back (a redis-server this test owns, killed and
/// restarted on the same port): calls keep being stored on both nodes, pushes pause, and a client
/// that stayed connected gets everything it missed from /api/events?after= once Redis is back.
/// </summary>
public sealed class RedisOutageTests : TwoNodeTest
{
    private RedisServer? _redis;

    protected override async Task<TwoNodes> StartNodesAsync()
    {
        TwoNodes.SuiteRedisOrIgnore(); // Redis is installed where the suite's Redis runs; this class starts its own, to kill it.
        _redis = await RedisServer.StartAsync();
        return await TwoNodes.StartAsync(_redis.Configuration);
    }

    protected override async Task StoppedAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }

    [Test]
    public async Task While_Redis_is_down_calls_are_stored_on_both_nodes_and_a_client_catches_up_from_the_feed_when_it_returns()
    {
        await using var listener = await B.Api.ListenAsync("operator1");
        using var op = await B.Api.AsAsync("operator1");
        var before = Unique("before");
        await A.Api.IngestAsync(before);
        var last = await listener.WaitForAsync(e => e.Str("externalId") == before);

        await _redis!.KillAsync();
        var during = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var externalId = Unique($"during-{i}");
            await (i % 2 == 0 ? A : B).Api.IngestAsync(externalId); // asserts 201: stored, never refused
            during.Add(externalId);
        }
        var answered = (await B.Api.IngestAsync(Unique("answered-during"))).GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{answered}/answer", null));

        var queue = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/calls"))).EnumerateArray().Select(c => c.GetProperty("externalId").GetString());
        Assert.That(queue, Is.SupersetOf(during), "every call of the outage is stored and in the queue");
        Assert.That(listener.Received.Select(e => e.Str("externalId")), Has.None.StartsWith("during-"), "the outage was real: no push went through");
        Assert.That(A.Process.HasExited || B.Process.HasExited, Is.False, "both nodes stay up");

        await _redis.StartAgainAsync();
        await PushesResumeAsync(listener);

        var feed = await FeedAsync(op, last.Seq);
        var received = feed.Where(e => e.GetProperty("type").GetString() == "CallReceived").Select(e => e.GetProperty("data").GetProperty("externalId").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(received.Where(id => id!.StartsWith("during-", StringComparison.Ordinal)), Is.EqualTo(during), "what it missed, in order, once");
            Assert.That(feed.Any(e => e.GetProperty("type").GetString() == "CallUpdated" && e.GetProperty("data").GetProperty("id").GetInt64() == answered), Is.True,
                "the answer given during the outage too");
            Assert.That(feed.Select(e => e.GetProperty("seq").GetInt64()), Is.Ordered.And.Unique.And.All.GreaterThan(last.Seq));
        });
    }

    /// <summary>Ingests on node A until node B's listener hears one again (the nodes reconnect to Redis by themselves).</summary>
    private async Task PushesResumeAsync(HubListener listener)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var marker = Unique("after");
            await A.Api.IngestAsync(marker);
            try
            {
                await listener.WaitForAsync(e => e.Str("externalId") == marker, TimeSpan.FromSeconds(2));
                return;
            }
            catch (TimeoutException)
            {
                // not reconnected yet
            }
        }
        Assert.Fail("pushes did not resume within 60 s of Redis coming back");
    }
}
