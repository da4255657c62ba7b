using PhoneNumbers;

namespace Dispatch.Core.Calls;

/// <summary>The caller's number as stored: E.164 when it parses, else as given, with a flag.</summary>
public sealed record CallerNumber(string? Value, string? Flag)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] WithheldMarkers = ["anonymous", "private", "withheld", "restricted", "unknown", "unavailable"];

    /// <summary>
    /// Normalises an Indonesian number to E.164 (0812... -> +62812...). A withheld or unparseable
    /// number is kept as given and flagged: a call is never rejected over its number.
    /// </summary>
    public static CallerNumber Normalize(string? raw)
    {
        var trimmed = raw?.Trim();
        if (string.IsNullOrEmpty(trimmed) || WithheldMarkers.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            return new CallerNumber(string.IsNullOrEmpty(trimmed) ? null : raw, CallFlags.NumberWithheld);
        try
        {
            var parsed = Util.Parse(trimmed, "ID");
            if (Util.IsPossibleNumber(parsed))
                return new CallerNumber(Util.Format(parsed, PhoneNumberFormat.E164), null);
        }
        catch (NumberParseException)
        {
            // Falls through: kept verbatim and flagged below.
        }
        return new CallerNumber(raw, CallFlags.NumberUnparseable);
    }
}
