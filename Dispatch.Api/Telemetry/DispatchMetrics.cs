using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dispatch.Core.Calls;

namespace Dispatch.Api.Telemetry;

/// <summary>
/// The system's own metrics (meter <see cref="MeterName"/>; documented in deploy/metrics.md);
/// the gauges read from the database are <see cref="DispatchSnapshot"/>'s.
/// Labels are closed sets only (source, role, status, reason, event type): never a caller's
/// number, an externalId, a name or any text a caller or user typed.
/// </summary>
public sealed class DispatchMetrics
{
    public const string MeterName = "Psc119.Dispatch";

    private readonly Counter<long> _callsIngested;
    private readonly Histogram<double> _answerSeconds;
    private readonly Histogram<double> _pushLagSeconds;
    private readonly Counter<long> _dbRetries;
    private readonly Counter<long> _dbUnavailable;
    private readonly Counter<long> _signInFailures;
    private readonly KeyValuePair<string, object?> _database;

    public DispatchMetrics(IMeterFactory meters, Events.HubSessions hubs, Database.DatabaseSetup database)
    {
        var meter = meters.Create(MeterName);
        _database = new KeyValuePair<string, object?>("db", database.Dialect.Name);
        _callsIngested = meter.CreateCounter<long>("psc119.calls.ingested", "{call}",
            "New calls stored by telephony ingest (a repeated externalId is not counted), by source.");
        _answerSeconds = meter.CreateHistogram<double>("psc119.calls.answer.duration", "s",
            "From a call's arrival at the server to its answer by an operator.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600] });
        _pushLagSeconds = meter.CreateHistogram<double>("psc119.events.push.lag", "s",
            "From the start of the write that raised an event to its push to the hub (after commit), by event type.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _dbRetries = meter.CreateCounter<long>("psc119.db.retries", "{retry}",
            "Database work retried after a transient fault (connection lost, busy, deadlock, serialization failure).");
        _dbUnavailable = meter.CreateCounter<long>("psc119.db.unavailable", "{response}",
            "Requests answered 503 database-unavailable: a transient fault outlasted the retries.");
        _signInFailures = meter.CreateCounter<long>("psc119.signin.failures", "{attempt}",
            "Refused sign-ins, by reason (wrong-credentials, sign-in-throttled).");

        meter.CreateObservableGauge("psc119.hub.connections", () => HubConnections(hubs), "{connection}",
            "Open live connections on this node by role (every listening role, 0 included).");
    }

    /// <summary>
    /// Makes every counter series exist at 0, so rate() and increase() see the first event. Called
    /// once the meter provider listens: a measurement made before that is dropped.
    /// </summary>
    public void StartSeries()
    {
        foreach (var source in Enum.GetValues<CallSource>()) _callsIngested.Add(0, new KeyValuePair<string, object?>("source", Label(source)));
        foreach (var reason in SignInReasons) _signInFailures.Add(0, new KeyValuePair<string, object?>("reason", reason));
        _dbRetries.Add(0, _database);
        _dbUnavailable.Add(0, _database);
    }

    public void CallIngested(CallSource source) =>
        _callsIngested.Add(1, new KeyValuePair<string, object?>("source", Label(source)));

    public void CallAnswered(TimeSpan sinceArrival) => _answerSeconds.Record(Math.Max(0, sinceArrival.TotalSeconds));

    public void Pushed(string eventType, TimeSpan lag) =>
        _pushLagSeconds.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("type", eventType));

    public void DatabaseRetried() => _dbRetries.Add(1, _database);

    public void DatabaseUnavailable() => _dbUnavailable.Add(1, _database);

    /// <param name="reason">A ProblemDetails code (wrong-credentials, sign-in-throttled, ...): never the name typed.</param>
    public void SignInFailed(string reason) => _signInFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>The wire name of a source (line119, ncc, ...), as the API spells it.</summary>
    public static string Label(CallSource source) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(source.ToString());

    private static readonly string[] SignInReasons = ["wrong-credentials", "sign-in-throttled", "wrong-totp-code", "sign-in-busy"];

    private static readonly string[] ListeningRoles = [Auth.Roles.Operator, Auth.Roles.Admin, Auth.Roles.Crew];

    private static IEnumerable<Measurement<long>> HubConnections(Events.HubSessions hubs)
    {
        var counts = hubs.CountByRole();
        foreach (var role in ListeningRoles)
            yield return new Measurement<long>(counts.GetValueOrDefault(role), new KeyValuePair<string, object?>("role", role));
    }
}
