using System.Data.Common;
using Dapper;
using Dispatch.Api.Auth;
using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Incidents;
using Dispatch.Api.Units;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// The app's own database wiring (<see cref="DatabaseServices.AddDispatchDatabase"/>, which also
/// registers the Dapper type handlers) with a test clock, a recording publisher and the stores.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(ServiceProvider services, string connectionString, TestClock clock, RecordingPublisher publisher)
    {
        _services = services;
        ConnectionString = connectionString;
        Clock = clock;
        Publisher = publisher;
        Db = services.GetRequiredService<Db>();
        publisher.CountCommitted = CountCommittedAsync;
    }

    public string ConnectionString { get; }
    public TestClock Clock { get; }
    public RecordingPublisher Publisher { get; }
    public Db Db { get; }

    /// <summary>The log hash chain key of the store tests (32 bytes, base64).</summary>
    public const string TestChainKey = "cHNjMTE5LXN0b3JlLXRlc3RzLWNoYWluLWtleS0zMmI=";

    public static TestDatabase Create(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = provider,
                [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = connectionString,
                // No host environment here to place a key file: the chain key comes from configuration.
                [Dispatch.Api.Audit.ChainKey.Setting] = TestChainKey,
            })
            .Build();
        var clock = new TestClock(Build.WriteClockStart);
        var publisher = new RecordingPublisher();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IEventPublisher>(publisher);
        services.AddDispatchDatabase();
        services.AddSingleton<CallStore>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<ResponseStore>();
        services.AddSingleton<ResponseCrewStore>();
        services.AddSingleton<IncidentLogStore>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<StationStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<DataProtectionKeyStore>();
        var provided = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new TestDatabase(provided, connectionString, clock, publisher);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs the app's migration step (DbUp; creates a missing SQL Server or PostgreSQL database).</summary>
    public void Migrate() => _services.MigrateDatabase();

    /// <summary>A connection outside <see cref="Db"/>, as a second client or an intruder would have.</summary>
    public Task<DbConnection> OpenRawAsync() => Db.Dialect.OpenAsync(ConnectionString, CancellationToken.None);

    /// <summary>One value read on a raw connection, e.g. a COUNT(*) of rows a test expects or forbids.</summary>
    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await OpenRawAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    private Task<int> CountCommittedAsync(IReadOnlyList<EventEnvelope> events) =>
        ScalarAsync<int>($"SELECT COUNT(*) FROM events WHERE {Db.Dialect.InList("seq", "@Seqs")}", new { Seqs = events.Select(e => e.Seq).ToArray() });

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
