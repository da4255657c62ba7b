namespace Dispatch.Api.Http;

/// <summary>
/// JSON may escape a lone UTF-16 surrogate (<c>"\uD800"</c>); System.Text.Json then refuses to
/// read that string at all. A broken PBX must not turn an emergency call into an error over one
/// garbled character, so such escapes are rewritten to U+FFFD (the replacement character) before
/// the body is parsed; the rest of the text is kept as sent.
/// </summary>
public static class JsonEscapes
{
    /// <summary>Rewrites, in place, each escape of an unpaired surrogate to <c>\uFFFD</c> (same length).</summary>
    public static void RepairLoneSurrogates(Span<byte> json)
    {
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (!inString) { inString = b == '"'; continue; }
            if (b == '"') { inString = false; continue; }
            if (b != '\\' || i + 1 >= json.Length) continue;
            if (json[i + 1] != 'u' || !TryUnit(json, i + 2, out var unit)) { i++; continue; } // \n, \", or malformed (the parser refuses it)
            if (char.IsHighSurrogate(unit) && i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && TryUnit(json, i + 8, out var next) && char.IsLowSurrogate(next))
            {
                i += 11; // a well-formed pair
                continue;
            }
            if (char.IsSurrogate(unit)) "FFFD"u8.CopyTo(json[(i + 2)..]);
            i += 5;
        }
    }

    private static bool TryUnit(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = '\0';
        if (at + 4 > json.Length) return false;
        var value = 0;
        foreach (var c in json.Slice(at, 4))
        {
            var digit = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : (c | 0x20) is >= 'a' and <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        unit = (char)value;
        return true;
    }
}
