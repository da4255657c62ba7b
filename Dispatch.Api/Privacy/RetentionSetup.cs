using Dispatch.Api.Events;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Privacy;

public static class RetentionSetup
{
    /// <summary>
    /// The retention options (checked at start), the daily job and its rules. Another feature adds
    /// its own rule with <c>services.AddSingleton&lt;IRetentionRule, TheRule&gt;()</c>: the job runs every one registered.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsCheck>();
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.Section)
            .Validate(o => o.CatchUpHours > 0, "Events:CatchUpHours must be a positive number of hours.")
            .ValidateOnStart();
        services.AddSingleton<JobLease>();
        services.AddSingleton<EventPruner>();
        services.AddSingleton<IRetentionRule, EventsRetentionRule>();
        services.AddSingleton<IRetentionRule, PositionsRetentionRule>();
        services.AddSingleton<IRetentionRule, SecurityEventsRetentionRule>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}

/// <summary>A negative number of days stops the start, naming the setting.</summary>
internal sealed class RetentionOptionsCheck : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
