using System.Diagnostics.Metrics;
using Dispatch.Api.Database;
using Dispatch.Core.Units;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Telemetry;

/// <summary>
/// What the gauges read from the database, refreshed in the background every
/// <see cref="TelemetryOptions.SnapshotSeconds"/>: a scrape never waits on the database, and the
/// database sees two small indexed queries per interval however often it is scraped. Every node
/// reports the same shared queue; the alerts take the maximum over nodes.
/// </summary>
public sealed partial class DispatchSnapshot : BackgroundService
{
    private readonly Db _db;
    private readonly TimeProvider _time;
    private readonly TelemetryOptions _options;
    private readonly ILogger<DispatchSnapshot> _logger;
    private readonly DispatchMetrics _metrics;

    public DispatchSnapshot(Db db, TimeProvider time, IOptions<TelemetryOptions> options, IMeterFactory meters,
        DispatchMetrics metrics, ILogger<DispatchSnapshot> logger)
    {
        (_db, _time, _options, _logger, _metrics) = (db, time, options.Value, logger, metrics);
        // The same meter as DispatchMetrics (the factory hands out one per name).
        var meter = meters.Create(DispatchMetrics.MeterName);
        meter.CreateObservableGauge("psc119.calls.waiting", () => Current.CallsWaiting, "{call}",
            "Calls in the queue that no operator has answered yet (refreshed every Telemetry:SnapshotSeconds).");
        meter.CreateObservableGauge("psc119.calls.oldest_waiting.age", OldestWaitingAge, "s",
            "Age of the oldest unanswered call since it reached the server; 0 when none waits.");
        meter.CreateObservableGauge("psc119.units", UnitsByStatus, "{unit}",
            "Units by status (every status, 0 included).");
    }

    public sealed record Values(long CallsWaiting, DateTimeOffset? OldestWaitingSince, IReadOnlyDictionary<UnitStatus, long> Units);

    // Classes, not positional records: Dapper converts COUNT's type per database (int on SQL Server).
    private sealed class WaitingRow
    {
        public long Count { get; set; }
        public long? Oldest { get; set; }
    }

    private sealed class UnitRow
    {
        public string Status { get; set; } = "";
        public long Count { get; set; }
    }

    private static readonly SqlText Waiting = SqlText.Of("DispatchSnapshot.Waiting",
        "SELECT COUNT(*) AS Count, MIN(ingested_at) AS Oldest FROM calls WHERE status = 'Waiting'");

    private static readonly SqlText Units = SqlText.Of("DispatchSnapshot.Units",
        "SELECT status AS Status, COUNT(*) AS Count FROM units GROUP BY status");

    public Values Current { get; private set; } = new(0, null, new Dictionary<UnitStatus, long>());

    /// <summary>Reads the queue and the units now (also used by tests to skip the wait).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        Current = await _db.ReadAsync(async s =>
        {
            var waiting = await s.SingleOrDefaultAsync<WaitingRow>(Waiting) ?? new WaitingRow();
            var units = (await s.QueryAsync<UnitRow>(Units))
                .Where(r => Enum.TryParse<UnitStatus>(r.Status, out _))
                .ToDictionary(r => Enum.Parse<UnitStatus>(r.Status), r => r.Count);
            return new Values(waiting.Count, waiting.Oldest is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, units);
        }, ct);
    }

    public double OldestWaitingAge() =>
        Current.OldestWaitingSince is { } since ? Math.Max(0, (_time.GetUtcNow() - since).TotalSeconds) : 0;

    public IEnumerable<Measurement<long>> UnitsByStatus()
    {
        var units = Current.Units;
        foreach (var status in Enum.GetValues<UnitStatus>())
            yield return new Measurement<long>(units.GetValueOrDefault(status), new KeyValuePair<string, object?>("status", Label(status)));
    }

    /// <summary>The wire name of a status (availableAtStation, enRoute, ...), as the API spells it.</summary>
    public static string Label(UnitStatus status) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _metrics.StartSeries();
        var every = TimeSpan.FromSeconds(Math.Max(1, _options.SnapshotSeconds));
        using var timer = new PeriodicTimer(every, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The gauges keep their last values; the database fault shows in its own metrics.
                LogRefreshFailed(_logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the queue and unit gauges failed; trying again at the next tick")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);
}
