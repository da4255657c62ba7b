using Dispatch.Api.Database;

namespace Dispatch.Api.Planning;

/// <summary>A stored run as read back: request and result are JSON text.</summary>
public sealed record SimulationRow(string Id, string? Name, string CreatedBy, long CreatedAt, string Status, double Progress, string Request,
    string? Result, string? Error, long? FinishedAt);

/// <summary>A stored run in the list: without result and error.</summary>
public sealed record SimulationHead(string Id, string? Name, string CreatedBy, long CreatedAt, string Status, double Progress, string Request, long? FinishedAt)
{
    public SimulationRow Row => new(Id, Name, CreatedBy, CreatedAt, Status, Progress, Request, null, null, FinishedAt);
}

/// <summary>The runs of the what-if simulation (planning_simulations): created queued, then running with progress, then done or failed.</summary>
public sealed class SimulationStore
{
    public const string Queued = "queued", Running = "running", Done = "done", Failed = "failed";
    private const string Columns = "id, name, created_by AS CreatedBy, created_at AS CreatedAt, status, progress, request";

    private static readonly SqlText Insert = SqlText.Of("SimulationStore.Insert",
        "INSERT INTO planning_simulations (id, name, created_by, created_at, status, progress, runner, request) " +
        "VALUES (@Id, @Name, @CreatedBy, @CreatedAt, 'queued', @Progress, @Runner, @Request)");

    private static readonly SqlText Progress = SqlText.Of("SimulationStore.Progress",
        "UPDATE planning_simulations SET status = 'running', progress = @Progress WHERE id = @Id AND status IN ('queued', 'running')");

    private static readonly SqlText Finish = SqlText.Of("SimulationStore.Finish",
        "UPDATE planning_simulations SET status = @Status, progress = @Progress, result = @Result, error = @Error, finished_at = @FinishedAt WHERE id = @Id");

    private static readonly SqlText Get = SqlText.Of("SimulationStore.Get",
        $"SELECT {Columns}, result, error, finished_at AS FinishedAt FROM planning_simulations WHERE id = @Id");

    private static readonly SqlText List = SqlText.Of("SimulationStore.List", d =>
        $"SELECT {Columns}, finished_at AS FinishedAt FROM planning_simulations ORDER BY created_at DESC, id DESC" + d.Limit("@Limit"));

    private static readonly SqlText Interrupted = SqlText.Of("SimulationStore.Interrupted",
        "UPDATE planning_simulations SET status = 'failed', error = @Error, finished_at = @Now WHERE runner = @Runner AND status IN ('queued', 'running')");

    public Task<int> AddAsync(DbSession s, string id, string? name, string request, string runner) =>
        s.ExecuteAsync(Insert, new { Id = id, Name = name, CreatedBy = s.Actor, CreatedAt = s.Now.ToUnixTimeMilliseconds(), Progress = 0.0, Runner = runner, Request = request });

    public Task<int> ProgressAsync(DbSession s, string id, double progress) => s.ExecuteAsync(Progress, new { Id = id, Progress = progress });

    public Task<int> FinishAsync(DbSession s, string id, string? result, string? error) => s.ExecuteAsync(Finish, new
    {
        Id = id, Status = error is null ? Done : Failed, Progress = error is null ? 1.0 : 0.0, Result = result, Error = error, FinishedAt = s.Now.ToUnixTimeMilliseconds(),
    });

    public Task<SimulationRow?> GetAsync(DbSession s, string id) => s.SingleOrDefaultAsync<SimulationRow>(Get, new { Id = id });

    /// <summary>The newest runs first, without results.</summary>
    public async Task<IReadOnlyList<SimulationRow>> ListAsync(DbSession s, int limit) =>
        [.. (await s.QueryAsync<SimulationHead>(List, new { Limit = limit })).Select(h => h.Row)];

    /// <summary>Runs this host had queued or running when it stopped: failed, with why.</summary>
    public Task<int> FailInterruptedAsync(DbSession s, string runner) =>
        s.ExecuteAsync(Interrupted, new { Runner = runner, Now = s.Now.ToUnixTimeMilliseconds(), Error = "Interrupted by a restart of the server; run it again." });
}
