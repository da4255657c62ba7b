using System.Diagnostics;

namespace Dispatch.Api.Tests.Faults;

/// <summary>
/// A PostgreSQL server this test owns, so it can stop and start it without disturbing the suite's
/// shared server: Debian's binaries (/usr/lib/postgresql/N/bin), a cluster made by initdb in a
/// temporary folder (as the postgres user when running as root), 127.0.0.1 on a free port.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PostgresCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=psc119_outage;Timeout=3";

    /// <summary>Makes and starts the cluster, or ignores the test when PostgreSQL's server binaries are not installed.</summary>
    public static async Task<PostgresCluster> StartOrIgnoreAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null) Assert.Ignore("PostgreSQL server binaries are not installed (./test.sh installs postgresql-15).");
        var folder = Directory.CreateTempSubdirectory("psc119-pg-outage-").FullName;
        var cluster = new PostgresCluster(bin!, folder, Infrastructure.ApiProcess.FreePort());
        if (Environment.UserName == "root") await RunAsync("chown", ["-R", "postgres", folder]);
        // Local trust on loopback is acceptable for a throw-away cluster that lives for one test.
        await cluster.AsOwnerAsync("initdb", ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await cluster.StartAgainAsync();
        return cluster;
    }

    public Task StartAgainAsync() => AsOwnerAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "data", "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c fsync=off -c max_connections=300", "start"]);

    /// <summary>The outage: a fast shutdown (open connections are cut, as when the server goes away).</summary>
    public Task StopAsync() => AsOwnerAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"]);

    private Task AsOwnerAsync(string tool, string[] args) => Environment.UserName == "root"
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
        : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await output}{await error}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* cleaned with the temp folder */ }
    }
}
