using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Dispatch.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (random port) with its own SQLite file (or, with
/// <see cref="Postgres"/>, its own PostgreSQL database) and the demo seed, plus every log line it
/// writes, so tests can check that no personal data is logged.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "test-demo-password";
    public const string TelephonyKey = "test-telephony-key";
    public const string Sqlite = "sqlite", Postgres = "postgres", SqlServer = "sqlserver";
    public const string SignInBurst = "10000";

    /// <summary>The log hash chain key of apps on a database server (on SQLite the app keeps its own key file beside the database).</summary>
    public const string ChainKey = "cHNjMTE5LWFwaS10ZXN0cy1jaGFpbi1rZXktMzItYnl0ZXM=";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "psc119-tests", Guid.NewGuid().ToString("n"));
    private readonly Dictionary<string, string?> _settings;
    private readonly TestPostgres? _postgres;
    private readonly TestSqlServer? _sqlServer;

    /// <param name="database"><see cref="Sqlite"/>, <see cref="Postgres"/> (ignores the test when PSC119_TEST_POSTGRES is unset)
    /// or <see cref="SqlServer"/> (ignores it when PSC119_TEST_SQLSERVER is unset).</param>
    public TestApp(Dictionary<string, string?>? settings = null, string database = Sqlite)
    {
        _postgres = database == Postgres ? TestPostgres.CreateOrIgnore() : null;
        _sqlServer = database == SqlServer ? TestSqlServer.CreateOrIgnore() : null;
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "psc119.db");
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database,
            ["Database:ConnectionString"] = _postgres?.ConnectionString ?? _sqlServer?.ConnectionString ?? $"Data Source={DatabasePath}",
            ["Seed:Demo"] = "true",
            ["Seed:DemoPassword"] = Password,
            ["Seed:TelephonyApiKey"] = TelephonyKey,
            ["Seed:DemoHistory"] = "0", // the reports tests bring their own fixture; the reports page test asks for history
            ["Logging:LogLevel:Default"] = "Information",
            // No internet here: the map runs without tiles, as it must offline.
            ["Map:TileUrl"] = "",
            ["Crew:PositionIntervalSeconds"] = "2",
            // Every test signs in from 127.0.0.1, many times a second: the per-address limit is
            // tested on its own (SignInLimitTests) with the shipped defaults.
            ["Auth:SignInBurst"] = SignInBurst,
            ["Auth:SignInPerMinute"] = "60000",
            // Tests sign in many users at once on a loaded machine: they wait for a password check
            // rather than get 503 sign-in-busy (PasswordCheckCapTests tests that with its own wait).
            ["Auth:PasswordCheckWait"] = "00:00:30",
        };
        if (database != Sqlite) _settings["Audit:ChainKey"] = ChainKey;
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath { get; }

    /// <summary>The app's connection string, e.g. for a second app on the same database.</summary>
    public string ConnectionString => _settings["Database:ConnectionString"]!;

    public ConcurrentQueue<string> Logs { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the server and returns its address.</summary>
    public TestApp Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    /// <summary>A connection to the app's database, to look at rows from outside.</summary>
    public DbConnection OpenDatabase()
    {
        DbConnection connection = _postgres is not null ? new NpgsqlConnection(_postgres.ConnectionString)
            : _sqlServer is not null ? new Microsoft.Data.SqlClient.SqlConnection(_sqlServer.ConnectionString)
            : OpenSqlite();
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        return connection;
    }

    /// <summary>The app's SQLite file, for tests of SQLite itself (its locks, for instance).</summary>
    public SqliteConnection OpenSqlite()
    {
        if (_postgres is not null || _sqlServer is not null) throw new InvalidOperationException("This app runs on a database server, not SQLite.");
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sqlServer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow shutdown: the temp folder is cleaned later */ }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose() { }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
