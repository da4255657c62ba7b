using Dapper;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.ScaleOut;

/// <summary>
/// Two API processes on one PostgreSQL database append to the same hash chains at once: each
/// writer takes the database lock, reads the last hash and appends after it, so the chains hold
/// whichever node wrote which row, and either node verifies them.
/// </summary>
public sealed class ChainAcrossNodesTests : TwoNodeTest
{
    protected override Task<TwoNodes> StartNodesAsync() => TwoNodes.StartAsync(TwoNodes.SuiteRedisOrIgnore());

    [Test]
    public async Task Both_nodes_write_log_and_access_rows_at_once_and_the_chains_hold()
    {
        using var opA = await A.Api.AsAsync("operator1");
        using var opB = await B.Api.AsAsync("operator2");
        using var gate = new SemaphoreSlim(12);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var (node, op) = i % 2 == 0 ? (A, opA) : (B, opB);
                var call = (await node.Api.IngestAsync(Unique($"chain-{i}"))).GetProperty("id").GetInt64();
                await ApiClient.OkJsonAsync(await op.GetAsync($"/api/calls/{call}"));
            }
            finally
            {
                gate.Release();
            }
        }));

        await using var db = await Nodes.OpenDatabaseAsync();
        var logRows = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incident_log");
        var accessRows = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM access_log");
        Assert.That(accessRows, Is.GreaterThanOrEqualTo(40));
        foreach (var node in new[] { A, B })
        {
            using var admin = await node.Api.AsAsync("admin");
            var report = await ApiClient.OkJsonAsync(await admin.GetAsync("/api/admin/log-integrity"));
            Assert.That(report.GetProperty("ok").GetBoolean(), Is.True, report.ToString());
            Assert.That(report.GetProperty("rows").GetInt64(), Is.GreaterThanOrEqualTo(logRows + accessRows), "every row checked");
        }
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incident_log WHERE hash IS NULL"), Is.Zero);
    }
}
