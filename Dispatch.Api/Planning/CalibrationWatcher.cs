using Microsoft.Extensions.Options;

namespace Dispatch.Api.Planning;

/// <summary>
/// Applies the accepted calibration at start and re-reads it every Planning:CalibrationCheckSeconds,
/// so that a calibration accepted or dropped on one node reaches every node.
/// </summary>
public sealed partial class CalibrationWatcher(CalibrationDesk desk, IOptions<PlanningOptions> options, TimeProvider time, ILogger<CalibrationWatcher> log)
    : IHostedService, IDisposable
{
    private ITimer? _timer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(); // a database that is down at start leaves the configured speeds until the next check
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.CalibrationCheckSeconds));
        _timer = time.CreateTimer(_ => _ = CheckAsync(), null, period, period);
    }

    private async Task CheckAsync()
    {
        try
        {
            await desk.RefreshAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CheckFailed(log, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Reading the accepted speed calibration failed; the one in force stays.")]
    private static partial void CheckFailed(ILogger logger, Exception exception);
}
