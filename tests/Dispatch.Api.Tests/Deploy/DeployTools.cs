using System.Diagnostics;

namespace Dispatch.Api.Tests.Deploy;

/// <summary>The repository's deploy/ folder and the outside programs (nginx, sqlite3, docker) the deployment tests run.</summary>
public static class DeployTools
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DeployFile(string relative) => Path.Combine(RepoRoot, "deploy", relative);

    /// <summary>
    /// The full path of a program. Missing, the test is ignored on a developer's machine (./test.sh
    /// installs it) but fails under CI, where a missing tool must not pass silently as a skip.
    /// </summary>
    public static string Require(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin"])
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
        if (found is not null) return found;
        var message = $"'{program}' is not installed (./test.sh installs it on Debian).";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
        Assert.Ignore(message);
        return "";
    }

    /// <summary>Runs a program to its end (at most <paramref name="timeout"/>) and returns its exit code and both outputs.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within the timeout");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Psc119.sln")) && Directory.Exists(Path.Combine(dir.FullName, "deploy")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (Psc119.sln with deploy/) was not found above " + AppContext.BaseDirectory);
    }
}
