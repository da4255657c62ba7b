using System.Diagnostics;
using Dispatch.Core.Routing;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Routing;

/// <summary>
/// Owns the road network: builds it at start (before the app takes traffic), and again without
/// a restart when the file changes (size or time, checked every Roads:ReloadCheckSeconds) or the
/// Roads configuration changes, or an accepted speed calibration changes (the network is built with
/// the speeds x its factor). A bad file is refused as a whole: the app keeps the network it
/// had, or with none estimates by straight line, and <see cref="Status"/> says which and why.
/// </summary>
public sealed partial class RoadNetworkHost(IOptionsMonitor<RoadOptions> options, IHostEnvironment env, TimeProvider time, ILogger<RoadNetworkHost> log,
    Planning.SpeedCalibration calibration)
    : IHostedService, IDisposable
{
    private sealed record State(RoadNetwork? Network, RoadStatus Status, (long Length, DateTime Written)? Signature, double Factor = 1);

    private readonly Lock _gate = new();
    private volatile State _state = new(null, RoadStatus.NotConfigured, null);
    private ITimer? _timer;
    private IDisposable? _onChange;

    /// <summary>The network in use, or null: estimate by straight line.</summary>
    public RoadNetwork? Current => _state.Network;

    public RoadStatus Status => _state.Status;

    /// <summary>The speed factor <see cref="Current"/> was built with (1 = the configured speeds).</summary>
    public double CurrentFactor => _state.Factor;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Reload(force: true);
        _onChange = options.OnChange(_ => Reload(force: true));
        calibration.Changed += OnCalibration;
        var period = TimeSpan.FromSeconds(Math.Max(0.1, options.CurrentValue.ReloadCheckSeconds));
        _timer = time.CreateTimer(_ => Reload(force: false), null, period, period);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    private void OnCalibration() => Reload(force: true);

    public void Dispose()
    {
        calibration.Changed -= OnCalibration;
        _timer?.Dispose();
        _onChange?.Dispose();
    }

    /// <summary>Loads the configured file; unless forced, only when its size or time changed.</summary>
    public void Reload(bool force)
    {
        if (!_gate.TryEnter()) return; // a load is under way; it reads the newest file
        try
        {
            var settings = options.CurrentValue;
            if (string.IsNullOrWhiteSpace(settings.Path))
            {
                if (_state.Network is not null || force) _state = new(null, RoadStatus.NotConfigured, null);
                return;
            }
            var path = Path.GetFullPath(settings.Path, env.ContentRootPath);
            var signature = Signature(path);
            var factor = calibration.FactorFor(RoadStatus.Road);
            // A calibration that changed while another load ran is picked up by the next check.
            if (!force && signature == _state.Signature && factor == _state.Factor) return;
            Load(path, settings.WithSpeedFactor(factor), signature, factor);
        }
        finally
        {
            _gate.Exit();
        }
    }

    private void Load(string path, RoadOptions settings, (long, DateTime)? signature, double factor)
    {
        var file = Path.GetFileName(path);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var network = RoadNetwork.Load(path, settings);
            var ms = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            var r = network.Report;
            _state = new(network, new RoadStatus(RoadStatus.Road, file, time.GetUtcNow(), network.Graph.NodeCount, network.Graph.SegmentCount,
                r.Features, r.SkippedByClass, r.MaxspeedIgnored, ms, null), signature, factor);
            Loaded(log, file, network.Graph.NodeCount, network.Graph.SegmentCount, r.SkippedByClass.Values.Sum(), ms);
        }
        catch (RoadFileException e)
        {
            var previous = _state;
            var error = previous.Network is null
                ? $"{e.Message} Estimating by straight line."
                : $"{e.Message} Still routing on the network loaded at {previous.Status.LoadedAt:u}.";
            var status = previous.Network is null ? RoadStatus.NotConfigured with { File = file } : previous.Status;
            _state = previous with { Status = status with { Error = error }, Signature = signature };
            Refused(log, error);
        }
    }

    private static (long, DateTime)? Signature(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Road network {File} loaded: {Nodes} nodes, {Segments} segments, {Skipped} lines of unusable classes skipped, in {Milliseconds} ms.")]
    private static partial void Loaded(ILogger logger, string file, int nodes, int segments, int skipped, double milliseconds);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Road network refused: {Error}")]
    private static partial void Refused(ILogger logger, string error);
}
