using System.Data.Common;
using Dispatch.Api.Database;
using Microsoft.Data.Sqlite;

namespace Dispatch.Benchmarks.Reports;

/// <summary>An embedded SQLite file (reused when it exists), written with prepared statements in large transactions.</summary>
internal sealed class SqliteBench(string path) : BenchDatabase
{
    public override string Provider => "sqlite";

    public override string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public override Task<string> DescribeAsync() => Task.FromResult($"{path} ({new FileInfo(path).Length / 1048576.0:0} MB file)");

    public override void Migrate() => Sqlite.Instance.Migrate(ConnectionString);

    protected override DbConnection Connect() => new SqliteConnection(ConnectionString);

    protected override string BulkSettings => "PRAGMA synchronous = OFF";

    protected override async Task WriteAsync(DbConnection connection, long from, long to)
    {
        var sqlite = (SqliteConnection)connection;
        using var rows = ReportsHistory.Generate(from, to).GetEnumerator();
        for (var n = from; n < to;)
        {
            await using var tx = sqlite.BeginTransaction();
            await using var call = sqlite.CreateCommand();
            call.Transaction = tx;
            call.CommandText = "INSERT INTO calls (external_id, received_at, source, flags, status, outcome, ingested_at) VALUES ($e, $r, $s, '', 'Closed', 'Incident', $r) RETURNING id";
            var (pe, pr, ps) = (call.Parameters.Add("$e", SqliteType.Text), call.Parameters.Add("$r", SqliteType.Integer), call.Parameters.Add("$s", SqliteType.Text));
            await using var incident = sqlite.CreateCommand();
            incident.Transaction = tx;
            incident.CommandText = "INSERT INTO incidents (call_id, status, triage, is_emergency, category, patient_count, lat, lon, kelurahan_code, kelurahan_name, " +
                "kecamatan_code, kecamatan_name, unit_id, created_by, is_imported, source, call_received_at, call_answered_at, created_at, unit_notified_at, en_route_at, on_scene_at, " +
                "at_destination_at, back_in_service_at, closed_at) VALUES ($c, 'Closed', $t, 1, 'NonTrauma', 1, -0.79, 100.65, $k, $k, substr($k, 1, 8), substr($k, 1, 8), $u, 'bench', 1, $s, " +
                "$r, $a, $cr, $no, $er, $os, $ad, $bs, $cl)";
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "$c", "$t", "$k", "$u", "$r", "$a", "$cr", "$no", "$er", "$os", "$ad", "$bs", "$cl", "$s" })
                p[name] = incident.Parameters.Add(name, name is "$t" or "$k" or "$s" ? SqliteType.Text : SqliteType.Integer);
            for (var batch = 0; batch < 50_000 && n < to && rows.MoveNext(); batch++, n++)
            {
                var x = rows.Current;
                pe.Value = x.ExternalId;
                pr.Value = x.Received;
                ps.Value = p["$s"].Value = x.Source;
                p["$c"].Value = (long)(await call.ExecuteScalarAsync())!;
                p["$t"].Value = x.Triage;
                p["$k"].Value = x.Kelurahan;
                p["$u"].Value = x.UnitId;
                p["$r"].Value = x.Received;
                p["$a"].Value = x.Answered;
                p["$cr"].Value = x.Created;
                p["$no"].Value = x.Notified;
                p["$er"].Value = (object?)x.EnRoute ?? DBNull.Value;
                p["$os"].Value = x.OnScene;
                p["$ad"].Value = (object?)x.AtDestination ?? DBNull.Value;
                p["$bs"].Value = x.BackInService;
                p["$cl"].Value = x.Closed;
                await incident.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            Progress(n, to);
        }
        Console.WriteLine();
    }
}
