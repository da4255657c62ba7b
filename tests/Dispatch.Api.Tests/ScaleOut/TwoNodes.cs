using Dispatch.Api.Tests.Infrastructure;
using System.Data.Common;
using Dispatch.Tests.Shared;
using Npgsql;

namespace Dispatch.Api.Tests.ScaleOut;

/// <summary>
/// Two API processes sharing one PostgreSQL database (made for them, dropped afterwards) and one
/// Redis as their SignalR backplane. Node A starts first (it migrates and seeds), then node B.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    public const string RedisVariable = "PSC119_TEST_REDIS";

    private readonly TestPostgres _database;

    private TwoNodes(TestPostgres database) => _database = database;

    public ApiNode A { get; private set; } = null!;
    public ApiNode B { get; private set; } = null!;

    /// <summary>The Redis of the suite, or ignores the calling test when PSC119_TEST_REDIS is unset.</summary>
    public static string SuiteRedisOrIgnore()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(redis)) Assert.Ignore($"{RedisVariable} is not set: the multi-node tests need Redis (./test.sh starts one)");
        return redis;
    }

    public static async Task<TwoNodes> StartAsync(string redisConfiguration)
    {
        var nodes = new TwoNodes(TestPostgres.CreateOrIgnore());
        var settings = new Dictionary<string, string>
        {
            ["Redis__Configuration"] = redisConfiguration,
            // Its own channels: nothing else that shares this Redis can reach these nodes.
            ["Redis__ChannelPrefix"] = $"psc119-test-{Guid.NewGuid():n}",
            // Both nodes chain the same logs: one key, from configuration as in production.
            ["Audit__ChainKey"] = TestApp.ChainKey,
        };
        try
        {
            nodes.A = await ApiNode.StartAsync("postgres", nodes._database.ConnectionString, settings);
            nodes.B = await ApiNode.StartAsync("postgres", nodes._database.ConnectionString, settings);
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
        return nodes;
    }

    /// <summary>A connection to the shared database, to look at rows from outside.</summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Both nodes' output, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine,
        ["--- node a ---", .. A?.Process.Output ?? [], "--- node b ---", .. B?.Process.Output ?? []]);

    public async ValueTask DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        await _database.DisposeAsync();
    }
}
