using System.Globalization;
using System.Text.RegularExpressions;

namespace Dispatch.Api.Tests.Telemetry;

/// <summary>One Prometheus text exposition, parsed: metric families (# TYPE) and samples with their labels.</summary>
public sealed partial class Scrape
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public Scrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TypeLine().Match(line) is { Success: true } type) Families[type.Groups["name"].Value] = type.Groups["type"].Value;
            if (line.StartsWith('#')) continue;
            var sample = SampleLine().Match(line);
            if (!sample.Success) throw new FormatException($"Not a Prometheus sample: {line}");
            var labels = LabelPair().Matches(sample.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["k"].Value, m => Regex.Unescape(m.Groups["v"].Value), StringComparer.Ordinal);
            Samples.Add(new Sample(sample.Groups["name"].Value, labels,
                sample.Groups["value"].Value switch { "+Inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, var v => double.Parse(v, CultureInfo.InvariantCulture) }));
        }
    }

    public string Text { get; }

    /// <summary>Family name to type (counter, gauge, histogram).</summary>
    public Dictionary<string, string> Families { get; } = new(StringComparer.Ordinal);

    public List<Sample> Samples { get; } = [];

    /// <summary>The sum of a metric's samples whose labels include every given pair (0 when none).</summary>
    public double Value(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    public bool Has(string name, params (string Key, string Value)[] labels) =>
        Samples.Any(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value));

    [GeneratedRegex(@"^# TYPE (?<name>\S+) (?<type>\S+)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<v>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
