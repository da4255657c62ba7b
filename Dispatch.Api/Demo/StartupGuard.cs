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
        var telephony = config.GetSection(TelephonyOptions.Section).Get<TelephonyOptions>() ?? new TelephonyOptions();
        var keys = telephony.Named().ToList();
        if (keys.Count == 0)
            problems.Add("Telephony:Keys and Telephony:ApiKeys are empty: set a key for the telephony line (environment variables Telephony__Keys__0__Name and Telephony__Keys__0__Key).");
        if (keys.Any(k => k.Key.Length < MinimumKeyLength))
            problems.Add($"A Telephony:ApiKeys or Telephony:Keys entry is shorter than {MinimumKeyLength} characters.");
        if (telephony.Keys.Any(k => string.IsNullOrWhiteSpace(k.Name)))
            problems.Add("A Telephony:Keys entry has no name: name each sender (pbx, ncc119...).");
        if (keys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            problems.Add("Two Telephony:Keys entries share a name: each sender needs its own.");
        // The log hash chain's key: generated beside the embedded SQLite file when absent; a server
        // database (several nodes, backups elsewhere) needs it configured, kept apart from the data.
        var chainKey = config[Audit.ChainKey.Setting];
        if (Audit.ChainKey.Problem(chainKey) is { } keyProblem) problems.Add(keyProblem);
        else if (string.IsNullOrWhiteSpace(chainKey) && !string.Equals(config["Database:Provider"]?.Trim() ?? "sqlite", "sqlite", StringComparison.OrdinalIgnoreCase))
            problems.Add($"{Audit.ChainKey.Setting} is empty: set the log hash chain key (base64, at least {Audit.LogChain.MinimumKeyBytes} bytes: openssl rand -base64 32), backed up apart from the database.");
        return problems;
    }
}
