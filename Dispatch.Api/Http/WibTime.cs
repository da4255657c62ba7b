using System.Globalization;

namespace Dispatch.Api.Http;

/// <summary>
/// A time in a query string as people give it: a WIB (Asia/Jakarta, UTC+7, no daylight saving)
/// calendar day <c>YYYY-MM-DD</c> or an ISO-8601 instant with offset.
/// </summary>
public static class WibTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>
    /// The start of the day (or, with <paramref name="endOfDay"/>, the start of the next one, an
    /// exclusive bound that makes the day inclusive) or the instant; null when absent. A value of
    /// another shape adds a validation error naming <paramref name="field"/>.
    /// </summary>
    public static DateTimeOffset? Parse(string? text, string field, bool endOfDay, Validation v)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), Offset);
        if (text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        v.Add(field, $"'{field}' is a date (YYYY-MM-DD) or a time with offset (ISO-8601).");
        return null;
    }
}
