using System.Globalization;

namespace Dispatch.Benchmarks;

/// <summary>Options of the `load` command; see <see cref="Usage"/>.</summary>
internal sealed record LoadOptions(
    Uri Url, string Key, string User, string Password, int Operators, double Rate, double Seconds, int Concurrency, double DrainSeconds, int? ServerPid = null,
    double WarmupSeconds = 5, double SignInFlood = 0)
{
    public static readonly LoadOptions Default = new(
        new Uri("http://127.0.0.1:5119/"), "demo-telephony-key", "operator1", "psc119-demo-solok",
        Operators: 20, Rate: 200, Seconds: 30, Concurrency: 64, DrainSeconds: 10);

    /// <summary>Total calls the schedule offers: rate x seconds.</summary>
    public int TotalCalls => (int)Math.Round(Rate * Seconds);

    /// <summary>Accepts <c>--name value</c> and <c>--name=value</c>.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var o = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) return (null, $"Unexpected argument '{arg}'.");
            string name, value;
            if (arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                name = arg[2..eq];
                value = arg[(eq + 1)..];
            }
            else
            {
                name = arg[2..];
                if (i + 1 >= args.Count) return (null, $"--{name} needs a value.");
                value = args[++i];
            }

            switch (name)
            {
                case "url":
                    if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                        return (null, $"--url '{value}' is not an http(s) address.");
                    o = o with { Url = url };
                    break;
                case "key": o = o with { Key = value }; break;
                case "user": o = o with { User = value }; break;
                case "password": o = o with { Password = value }; break;
                case "operators":
                    if (!TryInt(value, 1, 1000, out var operators)) return (null, "--operators must be a whole number from 1 to 1000.");
                    o = o with { Operators = operators };
                    break;
                case "concurrency":
                    if (!TryInt(value, 1, 1024, out var concurrency)) return (null, "--concurrency must be a whole number from 1 to 1024.");
                    o = o with { Concurrency = concurrency };
                    break;
                case "rate":
                    if (!TryDouble(value, 0.1, 100_000, out var rate)) return (null, "--rate must be calls per second from 0.1 to 100000.");
                    o = o with { Rate = rate };
                    break;
                case "seconds":
                    if (!TryDouble(value, 0.1, 3600, out var seconds)) return (null, "--seconds must be from 0.1 to 3600.");
                    o = o with { Seconds = seconds };
                    break;
                case "drain":
                    if (!TryDouble(value, 0, 600, out var drain)) return (null, "--drain must be from 0 to 600 seconds.");
                    o = o with { DrainSeconds = drain };
                    break;
                case "warmup":
                    if (!TryDouble(value, 0, 600, out var warmup)) return (null, "--warmup must be from 0 to 600 seconds.");
                    o = o with { WarmupSeconds = warmup };
                    break;
                case "sign-in-flood":
                    if (!TryDouble(value, 0, 10_000, out var flood)) return (null, "--sign-in-flood must be sign-in attempts per second from 0 to 10000.");
                    o = o with { SignInFlood = flood };
                    break;
                case "pid":
                    if (!TryInt(value, 1, int.MaxValue, out var pid)) return (null, "--pid must be the API server's process id.");
                    o = o with { ServerPid = pid };
                    break;
                default:
                    return (null, $"Unknown option --{name}.");
            }
        }
        if (o.TotalCalls < 1) return (null, "--rate x --seconds must give at least one call.");
        if (o.TotalCalls > 5_000_000) return (null, "--rate x --seconds must stay under 5,000,000 calls.");
        return (o, null);
    }

    private static bool TryInt(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryDouble(string text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
