using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>Compares every public property of two objects and lists all differences at once.</summary>
public static class StateAssert
{
    /// <summary>
    /// Every public property equal (doubles exactly, time points as instants, lists item by item),
    /// and every time point read back in UTC.
    /// </summary>
    public static void Same<T>(T expected, T actual, params string[] except)
    {
        Assert.That(actual, Is.Not.Null, $"{typeof(T).Name} was not found");
        var problems = new List<string>();
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !except.Contains(p.Name));
        foreach (var property in properties)
        {
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            if (!AreEqual(e, a)) problems.Add($"{property.Name}: expected {Show(e)} but was {Show(a)}");
            if (a is DateTimeOffset { Offset.Ticks: not 0 } t) problems.Add($"{property.Name}: read back as {Show(t)}, not UTC");
        }
        Assert.That(problems, Is.Empty, $"{typeof(T).Name} did not round-trip:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static bool AreEqual(object? e, object? a) => (e, a) switch
    {
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().SequenceEqual(y.Cast<object?>()),
        _ => Equals(e, a),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Show))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };
}
