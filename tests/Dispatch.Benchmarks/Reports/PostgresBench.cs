using System.Data.Common;
using Dispatch.Api.Database;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Benchmarks.Reports;

/// <summary>
/// A PostgreSQL database (created by the app's migrations when missing, reused when it exists),
/// written by binary COPY: calls with ids chosen here (COPY accepts them for an identity column;
/// the sequence is moved past them after), then their incidents, 50,000 of each per transaction.
/// </summary>
internal sealed class PostgresBench(string connectionString) : BenchDatabase
{
    private const int Batch = 50_000;

    public override string Provider => "postgres";

    public override string ConnectionString => connectionString;

    public override async Task<string> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var size = new NpgsqlCommand("SELECT current_database(), pg_database_size(current_database()), version()", connection);
        await using var reader = await size.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetString(0)} on {new NpgsqlConnectionStringBuilder(connectionString).Host} ({reader.GetInt64(1) / 1048576.0:0} MB, {reader.GetString(2).Split(" on ")[0]})";
    }

    public override void Migrate() => Postgres.Instance.Migrate(connectionString);

    protected override DbConnection Connect() => new NpgsqlConnection(connectionString);

    // Statistics for the planner, and the visibility map that autovacuum keeps on a database in use
    // (without it every index-only scan of freshly written rows reads the table too).
    protected override string AfterWriting => "VACUUM (ANALYZE)";

    protected override async Task WriteAsync(DbConnection connection, long from, long to)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using (var max = new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) FROM calls", npgsql))
        {
            var callId = (long)(await max.ExecuteScalarAsync())!;
            var batch = new List<(long CallId, BenchIncident Row)>(Batch);
            foreach (var row in ReportsHistory.Generate(from, to))
            {
                batch.Add((++callId, row));
                if (batch.Count == Batch) await CopyAsync(npgsql, batch, row.Number + 1, to);
            }
            if (batch.Count > 0) await CopyAsync(npgsql, batch, to, to);
        }
        await using var sequence = new NpgsqlCommand("SELECT setval(pg_get_serial_sequence('calls', 'id'), (SELECT MAX(id) FROM calls))", npgsql);
        await sequence.ExecuteScalarAsync();
        Console.WriteLine();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<(long CallId, BenchIncident Row)> batch, long done, long to)
    {
        await using var tx = await connection.BeginTransactionAsync();
        await using (var calls = await connection.BeginBinaryImportAsync(
            "COPY calls (id, external_id, received_at, source, flags, status, outcome, ingested_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, x) in batch)
            {
                await calls.StartRowAsync();
                await calls.WriteAsync(id, NpgsqlDbType.Bigint);
                await calls.WriteAsync(x.ExternalId, NpgsqlDbType.Varchar);
                await calls.WriteAsync(x.Received, NpgsqlDbType.Bigint);
                await calls.WriteAsync(x.Source, NpgsqlDbType.Varchar);
                await calls.WriteAsync("", NpgsqlDbType.Varchar);
                await calls.WriteAsync("Closed", NpgsqlDbType.Varchar);
                await calls.WriteAsync("Incident", NpgsqlDbType.Varchar);
                await calls.WriteAsync(x.Received, NpgsqlDbType.Bigint);
            }
            await calls.CompleteAsync();
        }
        await using (var incidents = await connection.BeginBinaryImportAsync(
            "COPY incidents (call_id, status, triage, is_emergency, category, patient_count, lat, lon, kelurahan_code, kelurahan_name, " +
            "kecamatan_code, kecamatan_name, unit_id, created_by, is_imported, source, call_received_at, call_answered_at, created_at, unit_notified_at, " +
            "en_route_at, on_scene_at, at_destination_at, back_in_service_at, closed_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, x) in batch)
            {
                await incidents.StartRowAsync();
                await incidents.WriteAsync(id, NpgsqlDbType.Bigint);
                await incidents.WriteAsync("Closed", NpgsqlDbType.Varchar);
                await incidents.WriteAsync(x.Triage, NpgsqlDbType.Varchar);
                await incidents.WriteAsync(true, NpgsqlDbType.Boolean);
                await incidents.WriteAsync("NonTrauma", NpgsqlDbType.Varchar);
                await incidents.WriteAsync(1, NpgsqlDbType.Integer);
                await incidents.WriteAsync(-0.79, NpgsqlDbType.Double);
                await incidents.WriteAsync(100.65, NpgsqlDbType.Double);
                foreach (var area in new[] { x.Kelurahan, x.Kelurahan, x.Kecamatan, x.Kecamatan })
                    await incidents.WriteAsync(area, NpgsqlDbType.Varchar);
                await incidents.WriteAsync((long)x.UnitId, NpgsqlDbType.Bigint);
                await incidents.WriteAsync("bench", NpgsqlDbType.Varchar);
                await incidents.WriteAsync(true, NpgsqlDbType.Boolean);
                await incidents.WriteAsync(x.Source, NpgsqlDbType.Varchar);
                foreach (var time in new[] { x.Received, x.Answered, x.Created, x.Notified, x.EnRoute, x.OnScene, x.AtDestination, x.BackInService, x.Closed })
                {
                    if (time is { } ms) await incidents.WriteAsync(ms, NpgsqlDbType.Bigint);
                    else await incidents.WriteNullAsync();
                }
            }
            await incidents.CompleteAsync();
        }
        await tx.CommitAsync();
        batch.Clear();
        Progress(done, to);
    }
}
