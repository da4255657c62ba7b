using System.Collections.Concurrent;

namespace Dispatch.Api.Imports;

/// <summary>An import running in the background: its counts so far and, once done, its report.</summary>
/// <param name="Status"><c>running</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="Bytes">Size of the uploaded file.</param>
public sealed record ImportJobView(Guid Id, string Status, bool DryRun, long Bytes, ImportProgress Progress, ImportReport? Report, string? Error,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// Runs large imports after the upload has been answered (202 and a job id), so the page can show
/// progress. The upload is kept in a temporary file until the job ends. Jobs live in this process's
/// memory for <see cref="KeepFor"/> after they finish (a restart forgets them; the rows written stay).
/// </summary>
public sealed partial class ImportJobs(IncidentImporter importer, Security.SecurityEvents events, IHostApplicationLifetime life, TimeProvider time, ILogger<ImportJobs> log)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ImportJobView> _jobs = new();

    /// <summary>Starts the job; when it ends it is recorded as an import security event by <paramref name="actor"/> from <paramref name="address"/>.</summary>
    public ImportJobView Start(string path, ImportMapping mapping, string actor, string? address, bool dryRun)
    {
        foreach (var old in _jobs.Values.Where(j => j.FinishedAt < time.GetUtcNow() - KeepFor)) _jobs.TryRemove(old.Id, out _);
        var job = new ImportJobView(Guid.NewGuid(), "running", dryRun, new FileInfo(path).Length, new(0, 0, 0, 0, 0), null, null, time.GetUtcNow(), null);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, path, mapping, actor, address), CancellationToken.None);
        return job;
    }

    public ImportJobView? Get(Guid id) => _jobs.GetValueOrDefault(id);

    private async Task RunAsync(ImportJobView job, string path, ImportMapping mapping, string actor, string? address)
    {
        try
        {
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                var report = await importer.ImportAsync(file, mapping, actor, job.DryRun, life.ApplicationStopping,
                    p => _jobs[job.Id] = job with { Progress = p });
                _jobs[job.Id] = job with { Status = "done", Progress = new(report.Rows, report.Imported, report.Skipped, report.FlaggedRows, report.RejectedCount),
                    Report = report, FinishedAt = time.GetUtcNow() };
                events.Record(Security.SecurityEventKinds.Import, actor, address,
                    new { report.DryRun, report.Rows, report.Imported, report.Skipped, report.FlaggedRows, rejected = report.RejectedCount, job = job.Id });
            }
        }
        catch (Exception e)
        {
            // The rows of batches already committed stay; a re-run skips them by externalId.
            LogFailed(log, job.Id, e);
            var p = _jobs[job.Id].Progress;
            events.Record(Security.SecurityEventKinds.Import, actor, address,
                new { job.DryRun, p.Rows, p.Imported, p.Skipped, FlaggedRows = p.Flagged, rejected = p.Rejected, job = job.Id, failed = true });
            _jobs[job.Id] = _jobs[job.Id] with { Status = "failed", Error = "The import stopped; rows of completed batches are stored, and importing the file again skips them.", FinishedAt = time.GetUtcNow() };
        }
        finally
        {
            File.Delete(path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed.")]
    private static partial void LogFailed(ILogger logger, Guid jobId, Exception error);
}
