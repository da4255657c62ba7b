using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Api.Http;

namespace Dispatch.Api.Units;

/// <summary>
/// When a crew tapped a step. A tap made without signal waits on the phone and is sent later with
/// the time it was made (<c>at</c>, ISO-8601 with offset), so the incident's time points are the
/// real ones. Absent means now. A time more than <see cref="ClockSkew"/> ahead of the server's
/// clock is refused; one within it (a phone clock running a little fast) counts as now, so that
/// no time point lies in the server's future. A time before the incident's previous time point is
/// refused by the incident itself (409 time-out-of-order).
/// </summary>
public static partial class TapTime
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Adds a problem for <c>at</c> when it is malformed, lacks an offset, or lies in the future.</summary>
    public static Validation CheckTapTime(this Validation validation, string? at, DateTimeOffset now)
    {
        if (at is null) return validation;
        if (!TryParse(at, out var when))
            return validation.Add("at", "'at' must be an ISO-8601 time with an offset, e.g. 2026-11-30T17:45:10+07:00.");
        return when > now + ClockSkew
            ? validation.Add("at", $"'at' lies in the future (more than {ClockSkew.TotalSeconds:0} s ahead of the server's clock).")
            : validation;
    }

    /// <summary>The time to record: the tap time, never later than <paramref name="now"/>; now when absent.</summary>
    public static DateTimeOffset Resolve(string? at, DateTimeOffset now) =>
        at is not null && TryParse(at, out var when) && when < now ? when.ToUniversalTime() : now;

    private static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return WithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
