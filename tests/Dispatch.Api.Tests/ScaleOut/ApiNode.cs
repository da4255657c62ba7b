using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.ScaleOut;

/// <summary>
/// One API node as production runs it: <c>dotnet Dispatch.Api.dll</c> in a child process of its
/// own, on 127.0.0.1 at a port Kestrel picks, configured through environment variables. Each node
/// gets its own HOME, so nothing is shared through the file system: what two nodes share, they
/// share through the database and Redis. Its output is kept for failure messages.
/// </summary>
public sealed partial class ApiNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _home;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiNode(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _home = Directory.CreateTempSubdirectory($"psc119-node-{name}-").FullName;
        var api = ApiAssembly();
        var start = new ProcessStartInfo("dotnet", [api])
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HOME"] = _home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Seed__Demo"] = "true";
        start.Environment["Seed__DemoPassword"] = TestApp.Password;
        start.Environment["Seed__TelephonyApiKey"] = TestApp.TelephonyKey;
        start.Environment["Seed__DemoHistory"] = "0";
        start.Environment["Map__TileUrl"] = "";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"node {Name} exited:{Environment.NewLine}{Output}"));
    }

    public string Name { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client of this node (tokens it issues are cached per client).</summary>
    public ApiClient Api { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine, _output);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a node and waits until it listens (after its migration and seed).</summary>
    public static async Task<ApiNode> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var node = new ApiNode(name, settings);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            node.BaseAddress = await node._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        node.Api = new ApiClient(node.BaseAddress);
        return node;
    }

    private void Record(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (Listening().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_home, recursive: true); }
        catch (IOException) { /* the temp folder is cleaned later */ }
    }

    /// <summary>Dispatch.Api.dll as built beside this test project, in the same configuration.</summary>
    private static string ApiAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Psc119.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"Psc119.sln not found above {here.FullName}.");
        var api = Path.Combine(root.FullName, "Dispatch.Api", "bin", configuration, framework, "Dispatch.Api.dll");
        return File.Exists(api) ? api : throw new FileNotFoundException("Build Dispatch.Api first.", api);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
