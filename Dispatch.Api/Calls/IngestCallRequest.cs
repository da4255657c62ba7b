using System.Globalization;
using System.Text.Json;
using Dispatch.Api.Http;
using Dispatch.Core.Calls;

namespace Dispatch.Api.Calls;

/// <summary>
/// The telephony ingest body (a fixed contract):
/// <c>{ externalId, callerNumber, receivedAt, source, location: { lat, lon, accuracyMeters } }</c>.
/// Only externalId and receivedAt can make it fail; every other defect is flagged on the call.
/// </summary>
public sealed record IngestCallRequest(string? ExternalId, JsonElement? CallerNumber, string? ReceivedAt, JsonElement? Source, JsonElement? Location)
{
    public const int MaxBytes = 16 * 1024;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>The parts of the message, with the flags for what had to be guessed or dropped.</summary>
    public sealed record Parsed(string ExternalId, string? CallerNumber, DateTimeOffset ReceivedAt, CallSource Source, double? Lat, double? Lon, double? Accuracy, List<string> Flags);

    public (Parsed? Value, IResult? Problem) Parse(DateTimeOffset now)
    {
        // No maximum here: a call is never refused over the length of its texts (see CallRecord.FitExternalId).
        var validation = new Validation().Check(!string.IsNullOrWhiteSpace(ExternalId), "externalId", "'externalId' is required.");
        DateTimeOffset received = default;
        var flags = new List<string>();
        if (string.IsNullOrWhiteSpace(ReceivedAt)) validation.Add("receivedAt", "'receivedAt' is required (ISO-8601 with offset).");
        else if (!TryParseTime(ReceivedAt, out received, out var assumedWib)) validation.Add("receivedAt", "'receivedAt' is not an ISO-8601 date and time.");
        else if (assumedWib) flags.Add(CallFlags.ReceivedAtAssumedWib);
        if (validation.Problem is { } problem) return (null, problem);

        if (received > now.AddMinutes(5)) flags.Add(CallFlags.ReceivedAtInFuture);
        var source = ParseSource(flags);
        var (lat, lon, accuracy) = ParseLocation(flags);
        var (externalId, shortened) = CallRecord.FitExternalId(ExternalId!.Trim());
        if (shortened) flags.Add(CallFlags.ExternalIdShortened);
        return (new Parsed(externalId, ParseNumber(), received, source, lat, lon, accuracy, flags), null);
    }

    private static bool TryParseTime(string text, out DateTimeOffset value, out bool assumedWib)
    {
        assumedWib = false;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            value = default;
            return false;
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            assumedWib = true;
            value = new DateTimeOffset(parsed, Wib);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private string? ParseNumber() => CallerNumber switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } or null => null,
        { } other => other.GetRawText(), // a number sent as a JSON number: kept verbatim
    };

    private CallSource ParseSource(List<string> flags)
    {
        if (Source is not { ValueKind: not JsonValueKind.Null } s) return CallSource.Line119;
        if (s.ValueKind == JsonValueKind.String && Enum.TryParse<CallSource>(s.GetString(), ignoreCase: true, out var known)
            && Enum.IsDefined(known) && !int.TryParse(s.GetString(), out _))
            return known;
        flags.Add(CallFlags.SourceUnknown);
        return CallSource.Line119;
    }

    private (double?, double?, double?) ParseLocation(List<string> flags)
    {
        if (Location is not { ValueKind: not JsonValueKind.Null } l) return (null, null, null);
        if (l.ValueKind == JsonValueKind.Object
            && TryNumber(l, "lat", out var lat) && TryNumber(l, "lon", out var lon) && TryNumber(l, "accuracyMeters", out var acc))
            return (lat, lon, acc);
        flags.Add(CallFlags.LocationInvalid);
        return (null, null, null);
    }

    private static bool TryNumber(JsonElement obj, string name, out double? value)
    {
        value = null;
        if (!obj.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return true;
        if (p.ValueKind != JsonValueKind.Number || !p.TryGetDouble(out var d) || !double.IsFinite(d)) return false;
        value = d;
        return true;
    }
}
