using Dispatch.Api.Auth;

namespace Dispatch.Api.Demo;

/// <summary>
/// Refuses to start a non-Development environment with demo data or default secrets, and says why.
/// </summary>
public static class StartupGuard
{
    public const int MinimumKeyLength = 24;

    public static IReadOnlyList<string> Problems(IConfiguration config, IHostEnvironment env)
    {
        if (env.IsDevelopment()) return [];
        var problems = new List<string>();
        var seed = config.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        if (seed.Demo) problems.Add("Seed:Demo is true: demo data is for Development only.");
        if (!string.IsNullOrEmpty(seed.DemoPassword) || !string.IsNullOrEmpty(seed.TelephonyApiKey))
            problems.Add("Seed:DemoPassword / Seed:TelephonyApiKey are set: demo secrets are for Development only.");
        var keys = config.GetSection(TelephonyOptions.Section).Get<TelephonyOptions>()?.ApiKeys ?? [];
        if (keys.Count == 0) problems.Add("Telephony:ApiKeys is empty: set a key for the telephony line (environment variable Telephony__ApiKeys__0).");
        if (keys.Any(k => k.Length < MinimumKeyLength))
            problems.Add($"A Telephony:ApiKeys entry is shorter than {MinimumKeyLength} characters.");
        return problems;
    }
}
