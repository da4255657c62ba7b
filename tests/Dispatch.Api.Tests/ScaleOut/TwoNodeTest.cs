using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using NUnit.Framework.Interfaces;

namespace Dispatch.Api.Tests.ScaleOut;

/// <summary>A test class with two API processes (<see cref="TwoNodes"/>) for all its tests; their output is shown when a test fails.</summary>
public abstract class TwoNodeTest
{
    private TwoNodes? _nodes;

    protected TwoNodes Nodes => _nodes ?? throw new InvalidOperationException("The nodes are not started.");
    protected ApiNode A => Nodes.A;
    protected ApiNode B => Nodes.B;

    /// <summary>Starts the two nodes on the Redis this class uses.</summary>
    protected abstract Task<TwoNodes> StartNodesAsync();

    [OneTimeSetUp]
    public async Task StartNodes() => _nodes = await StartNodesAsync();

    [OneTimeTearDown]
    public async Task StopNodes()
    {
        if (_nodes is not null) await _nodes.DisposeAsync();
        await StoppedAsync();
    }

    /// <summary>After the nodes have stopped: release what the class started for them.</summary>
    protected virtual Task StoppedAsync() => Task.CompletedTask;

    [TearDown]
    public void ShowNodeOutputOnFailure()
    {
        if (_nodes is not null && TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
            TestContext.Out.WriteLine(_nodes.Output);
    }

    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():n}";

    /// <summary>Every event after <paramref name="after"/> the caller may see, page by page, as a reconnecting client reads them.</summary>
    protected static async Task<List<JsonElement>> FeedAsync(HttpClient client, long after)
    {
        var all = new List<JsonElement>();
        for (;;)
        {
            var page = (await ApiClient.OkJsonAsync(await client.GetAsync($"/api/events?after={after}"))).EnumerateArray().ToList();
            all.AddRange(page);
            if (page.Count == 0) return all;
            after = page[^1].GetProperty("seq").GetInt64();
        }
    }
}
