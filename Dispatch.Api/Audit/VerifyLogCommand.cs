namespace Dispatch.Api.Audit;

/// <summary>
/// <c>dotnet run --project Dispatch.Api -- verify-log</c>: checks the hash chains of incident_log
/// and access_log; exit code 0 when every row matches, 1 otherwise (the first mismatching id is printed).
/// </summary>
public static class VerifyLogCommand
{
    public const string Name = "verify-log";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter? output = null)
    {
        output ??= Console.Out;
        var report = await services.GetRequiredService<LogIntegrity>().VerifyAsync(CancellationToken.None);
        foreach (var t in report.Tables)
        {
            await output.WriteLineAsync(t.FirstMismatch is { } id
                ? $"{t.Table}: {t.Rows} rows checked, {t.Mismatches} do not match; first mismatch at id {id}"
                : $"{t.Table}: {t.Rows} rows checked, all match");
            // The chain's end, to be kept outside the server: rows cut off after it show against it.
            if (t.LastId is { } lastId) await output.WriteLineAsync($"{t.Table}: ends at id {lastId}, hash {t.LastHash}");
        }
        await output.WriteLineAsync(report.Ok ? "ok" : $"MISMATCH: first at {report.Table} id {report.FirstMismatch}");
        return report.Ok ? 0 : 1;
    }
}
