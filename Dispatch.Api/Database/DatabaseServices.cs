using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Dispatch.Api.Database;

public static class DatabaseServices
{
    /// <summary>Picks the dialect from configuration, registers the resilience pipeline and <see cref="Db"/>.</summary>
    public static IServiceCollection AddDispatchDatabase(this IServiceCollection services)
    {
        DapperSetup.Once();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dialect = SqlDialect.For(options.Provider);
            var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? dialect == Sqlite.Instance
                    ? Sqlite.DefaultConnectionString(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)
                    : throw new InvalidOperationException($"Database:ConnectionString is required for {dialect.Name}.")
                : options.ConnectionString;
            return new DatabaseSetup(dialect, connectionString);
        });
        services.AddResiliencePipeline(Db.Pipeline, (builder, context) =>
        {
            var dialect = context.ServiceProvider.GetRequiredService<DatabaseSetup>().Dialect;
            var options = context.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (options.RetryAttempts <= 0) return; // no retries: every fault reaches the caller at once
            builder.AddRetry(new RetryStrategyOptions
            {
                // Only faults that pass; a constraint violation or a rule refusal is never retried.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(dialect.IsTransient),
                MaxRetryAttempts = options.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(options.RetryMaxDelaySeconds),
                OnRetry = _ =>
                {
                    // Optional: a store test wires the database without the app's telemetry.
                    context.ServiceProvider.GetService<Telemetry.DispatchMetrics>()?.DatabaseRetried();
                    return ValueTask.CompletedTask;
                },
            });
        });
        // Polly logs each attempt's result; results hold callers' personal data, so only the
        // type goes to the log.
        services.Configure<Polly.Telemetry.TelemetryOptions>(o => o.ResultFormatter = (_, result) => result is Exception ? result : result?.GetType().Name);
        // The key of the log hash chain (Audit/LogChain.cs): every writer of incident_log needs it.
        services.AddOptions<Audit.AuditOptions>().BindConfiguration(Audit.AuditOptions.Section);
        services.AddSingleton(sp => new Audit.LogChain(Audit.ChainKey.Resolve(
            sp.GetRequiredService<IOptions<Audit.AuditOptions>>().Value.ChainKey, sp.GetRequiredService<DatabaseSetup>(), sp.GetService<IHostEnvironment>())));
        services.AddSingleton<Db>();
        return services;
    }

    /// <summary>Creates and migrates the schema before the app takes traffic; returns the scripts applied now.</summary>
    public static IReadOnlyList<string> MigrateDatabase(this IServiceProvider services)
    {
        var setup = services.GetRequiredService<DatabaseSetup>();
        return setup.Dialect.Migrate(setup.ConnectionString);
    }
}
