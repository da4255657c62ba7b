using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.ScaleOut;

/// <summary>
/// One API node: a real API process (<see cref="ApiProcess"/>) with a HOME folder of its own, so
/// nothing is shared through the file system (not even ASP.NET Core's default key folder): what
/// two nodes share, they share through the database and Redis.
/// </summary>
public sealed class ApiNode : IAsyncDisposable
{
    private readonly string _home;

    private ApiNode(ApiProcess process, string home)
    {
        Process = process;
        _home = home;
        Api = new ApiClient(process.BaseAddress);
    }

    public ApiProcess Process { get; }

    /// <summary>A client of this node (tokens it issues are cached per client).</summary>
    public ApiClient Api { get; }

    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>Starts a node with the demo settings plus <paramref name="settings"/> (environment variable names) and waits until it is healthy.</summary>
    public static async Task<ApiNode> StartAsync(string provider, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var home = Directory.CreateTempSubdirectory("psc119-node-").FullName;
        var environment = ApiProcess.DemoSettings(provider, connectionString);
        environment["HOME"] = home;
        foreach (var (key, value) in settings) environment[key] = value;
        try
        {
            return new ApiNode(await ApiProcess.StartAsync(environment), home);
        }
        catch
        {
            Directory.Delete(home, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try { Directory.Delete(_home, recursive: true); }
        catch (IOException) { /* the temp folder is cleaned later */ }
    }
}
