using System.Collections.Concurrent;
using System.Threading.Channels;
using Dispatch.Api.Database;

namespace Dispatch.Api.Planning;

/// <summary>
/// The one background worker of the simulations: runs are taken in order, one at a time (a run
/// uses a core fully; the machine serves dispatch first). At start it marks failed the runs this
/// host (<see cref="Environment.MachineName"/>) had queued or running when it stopped. Waiters
/// learn when a run ends.
/// </summary>
public sealed partial class SimulationQueue(IServiceProvider services, Db db, SimulationStore store, ILogger<SimulationQueue> log) : BackgroundService
{
    private readonly Channel<SimulationRow> _queue = Channel.CreateUnbounded<SimulationRow>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _ends = new();

    public static string Runner => Environment.MachineName;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var failed = await db.WriteAsync("system", s => store.FailInterruptedAsync(s, Runner), cancellationToken);
        if (failed > 0) Interrupted(log, failed);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Queues a stored run; the task ends when it is done or failed.</summary>
    public Task Enqueue(SimulationRow job)
    {
        var end = _ends.GetOrAdd(job.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(job);
        return end.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var runner = services.GetRequiredService<SimulationRunner>();
            try
            {
                // Off the request threads: the replay is synchronous CPU work.
                await Task.Run(() => runner.RunAsync(job, stoppingToken), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Failed(log, job.Id, e);
                await runner.FinishAsync(job, null, "The simulation failed: see the server log.", CancellationToken.None);
            }
            finally
            {
                if (_ends.TryRemove(job.Id, out var end)) end.TrySetResult();
            }
        }
    }

    [LoggerMessage(EventId = 16001, Level = LogLevel.Warning, Message = "{Count} simulation runs interrupted by the last stop were marked failed.")]
    private static partial void Interrupted(ILogger logger, int count);

    [LoggerMessage(EventId = 16002, Level = LogLevel.Error, Message = "Simulation {Id} failed.")]
    private static partial void Failed(ILogger logger, string id, Exception error);
}
