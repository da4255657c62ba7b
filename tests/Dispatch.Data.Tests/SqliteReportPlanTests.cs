using Dapper;
using Dispatch.Api.Database;
using Dispatch.Api.Reports;
using Dispatch.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dispatch.Data.Tests;

/// <summary>
/// The report queries keep their plans on SQLite: each interval's values come from its ordered
/// index one time bucket at a time (no sort, no walk through other buckets), and the counting
/// pass seeks the time range on the covering index. A plan that silently fell back to a sort or a
/// full scan would stay correct and become slow as history grows; this catches it.
/// </summary>
public sealed class SqliteReportPlanTests
{
    private TempSqliteFile _file = null!;

    [OneTimeSetUp]
    public void CreateSchema()
    {
        _file = new TempSqliteFile();
        Sqlite.Instance.Migrate(_file.ConnectionString);
    }

    [OneTimeTearDown]
    public void DeleteSchema() => _file.Dispose();

    private static IEnumerable<TestCaseData> Ordered() =>
        ReportSql.Ordered.Select((sql, k) => new TestCaseData(sql, ReportSql.Intervals[k].Index).SetArgDisplayNames(ReportSql.Intervals[k].Name));

    [TestCaseSource(nameof(Ordered))]
    public async Task An_interval_is_read_from_its_ordered_index_by_bucket(SqlText sql, string index)
    {
        var plan = await PlanAsync(sql);
        Assert.That(plan, Does.Contain($"SEARCH i USING INDEX {index} (<expr>=?)").And.Not.Contain("TEMP B-TREE"));
    }

    private static IEnumerable<TestCaseData> Counting() =>
        [new TestCaseData(ReportSql.Rows).SetArgDisplayNames("Rows"), new TestCaseData(ReportSql.ValidCounts).SetArgDisplayNames("ValidCounts")];

    [TestCaseSource(nameof(Counting))]
    public async Task A_counting_pass_seeks_the_time_range_on_the_covering_index(SqlText sql) =>
        Assert.That(await PlanAsync(sql),
            Does.Contain("USING COVERING INDEX ix_incidents_report (call_received_at>? AND call_received_at<?)"));

    [Test]
    public async Task The_workload_pass_seeks_the_time_range_and_probes_each_incidents_responses_from_the_index()
    {
        var plan = await PlanAsync(ReportSql.Workload);
        Assert.That(plan, Does.Contain("USING COVERING INDEX ix_incidents_report (call_received_at>? AND call_received_at<?)")
            .And.Contain("SEARCH r USING COVERING INDEX ix_responses_report (incident_id=?)")
            .And.Not.Contain("TEMP B-TREE"));
    }

    [Test]
    public async Task The_workload_of_a_report_by_time_alone_reads_the_responses_in_call_time_order_from_the_index()
    {
        var plan = await PlanAsync(ReportSql.WorkloadByTime);
        Assert.That(plan, Does.Contain("USING COVERING INDEX ix_responses_received (call_received_at>? AND call_received_at<?)")
            .And.Not.Contain("incidents").And.Not.Contain("TEMP B-TREE"));
    }

    [Test]
    public async Task The_unit_filter_probes_the_responses_index()
    {
        Assert.That(await PlanAsync(ReportSql.ValidCounts), Does.Contain("SEARCH ur USING COVERING INDEX ix_responses_report (incident_id=? AND unit_id=?)"));
    }

    [Test]
    public async Task The_bucket_width_in_the_indexes_is_the_dialects()
    {
        await using var connection = await Sqlite.Instance.OpenAsync(_file.ConnectionString, CancellationToken.None);
        var definitions = (await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_interval_%'")).ToList();
        Assert.That(definitions, Has.Count.EqualTo(ReportSql.Intervals.Length)
            .And.All.Contains($"((call_received_at / {Sqlite.Instance.OrderedBucketMs}), "));
    }

    private async Task<string> PlanAsync(SqlText statement)
    {
        var sql = statement.For(Sqlite.Instance);
        await using var connection = await Sqlite.Instance.OpenAsync(_file.ConnectionString, CancellationToken.None);
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in SqlStatements.Parameters(sql)) command.Parameters.AddWithValue(name, 1L);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join(Environment.NewLine, lines);
    }
}
