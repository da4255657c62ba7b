using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>
/// The API as a real, separate process (<c>dotnet Dispatch.Api.dll</c>) on 127.0.0.1, for tests
/// that kill it, restart it or run several nodes. Settings go in as environment variables
/// (<c>Database__Provider</c>...); everything it prints is kept in <see cref="Output"/>.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }
    public ConcurrentQueue<string> Output { get; } = new();
    public bool HasExited => _process.HasExited;

    /// <summary>The demo settings of <see cref="TestApp"/> on the given SQLite file, for a child process.</summary>
    public static Dictionary<string, string> SqliteSettings(string databasePath) => DemoSettings("sqlite", $"Data Source={databasePath}");

    /// <summary>The demo settings of <see cref="TestApp"/> on the given database, for a child process.</summary>
    public static Dictionary<string, string> DemoSettings(string provider, string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = provider,
        ["Database__ConnectionString"] = connectionString,
        ["Seed__Demo"] = "true",
        ["Seed__DemoPassword"] = TestApp.Password,
        ["Seed__TelephonyApiKey"] = TestApp.TelephonyKey,
        ["Seed__DemoHistory"] = "0",
        ["Map__TileUrl"] = "",
        ["Auth__SignInBurst"] = TestApp.SignInBurst,
        ["Auth__SignInPerMinute"] = "60000",
        ["Auth__PasswordCheckWait"] = "00:00:30",
    };

    /// <summary>Starts the API with <paramref name="environment"/> and waits until /health answers.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Dispatch.Api.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var api = new ApiProcess(Process.Start(start)!, address);
        api._process.OutputDataReceived += (_, e) => { if (e.Data is not null) api.Output.Enqueue(e.Data); };
        api._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) api.Output.Enqueue(e.Data); };
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return api;
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API exited ({_process.ExitCode}): {string.Join('\n', Output.TakeLast(20))}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API did not become healthy within {limit}: {string.Join('\n', Output.TakeLast(20))}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, exactly like a crash or a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
