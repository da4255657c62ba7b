using Dispatch.Core.Routing;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Routing.Tests.Support;

/// <summary>
/// The same road graph loaded into pgRouting, in a database of its own (created here, dropped on
/// dispose): one row per segment, <c>cost</c>/<c>reverse_cost</c> in seconds, -1 for a forbidden
/// direction, node and edge ids shifted by one (pgRouting's ids are positive).
/// </summary>
public sealed class PgRoutingNetwork : IAsyncDisposable
{
    public const string EdgesSql = "SELECT id, source, target, cost, reverse_cost FROM edges";

    private readonly string _adminConnectionString;
    private readonly string _database;
    private readonly NpgsqlConnection _connection;

    private PgRoutingNetwork(string adminConnectionString, string database, NpgsqlConnection connection)
    {
        _adminConnectionString = adminConnectionString;
        _database = database;
        _connection = connection;
    }

    public static async Task<PgRoutingNetwork> CreateAsync(string adminConnectionString, RoadGraph graph)
    {
        var database = $"psc119_routing_{Guid.NewGuid():n}";
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await Execute(admin, $"CREATE DATABASE \"{database}\"");
        }
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var network = new PgRoutingNetwork(adminConnectionString, database, connection);
        await Execute(connection, "CREATE EXTENSION pgrouting CASCADE");
        await Execute(connection, "CREATE TABLE edges (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL, cost float8 NOT NULL, reverse_cost float8 NOT NULL)");
        await using (var copy = await connection.BeginBinaryImportAsync("COPY edges (id, source, target, cost, reverse_cost) FROM STDIN (FORMAT BINARY)"))
        {
            for (var s = 0; s < graph.SegmentCount; s++)
            {
                var e = graph.Segment(s);
                await copy.StartRowAsync();
                await copy.WriteAsync((long)e.Id + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync((long)e.Source + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync((long)e.Target + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.Cost, NpgsqlDbType.Double);
                await copy.WriteAsync(e.ReverseCost, NpgsqlDbType.Double);
            }
            await copy.CompleteAsync();
        }
        await Execute(connection, "ANALYZE edges");
        return network;
    }

    /// <summary>The PostgreSQL server process answering this connection's queries (for its CPU time).</summary>
    public int BackendProcessId => _connection.ProcessID;

    /// <summary>pgr_dijkstraCost from every source node to the target node (directed); unreachable sources are absent.</summary>
    public async Task<Dictionary<int, double>> CostsToAsync(int target, IReadOnlyCollection<int> sources)
    {
        await using var command = new NpgsqlCommand(
            "SELECT start_vid, agg_cost FROM pgr_dijkstraCost($1, $2::bigint[], $3::bigint, directed => true)", _connection);
        command.Parameters.AddWithValue(EdgesSql);
        command.Parameters.AddWithValue(sources.Select(s => (long)s + 1).ToArray());
        command.Parameters.AddWithValue((long)target + 1);
        var costs = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) costs[(int)(reader.GetInt64(0) - 1)] = reader.GetDouble(1);
        return costs;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await Execute(admin, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
