using System.Text;

namespace Dispatch.Api.Tests.Security.Hostile;

/// <summary>
/// Values an attacker, a broken PBX or a fuzzer sends: wrong types, huge strings and numbers,
/// unicode edge cases, SQL and script payloads. Each is a JSON fragment (already encoded).
/// </summary>
public static class HostileValues
{
    private static readonly string Huge = new('9', 5000);

    public static readonly string[] Fragments =
    [
        "null", "true", "false", "0", "-1", "1e400", "-1e400", "1e-400", "NaN", "Infinity", "-0",
        "9223372036854775808", "-9223372036854775809", Huge, "0." + Huge, "123.456e7890",
        "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":{}}}}", "[1,2,3]", "{\"lat\":\"x\"}",
        Q(""), Q(" "), Q(new string('A', 20_000)), Q(new string('\u00e9', 3000)),
        Q("'; DROP TABLE calls; --"), Q("' OR '1'='1"), Q("1; SELECT * FROM users"), Q("\\\"; DELETE FROM incidents; --"),
        Q("<script>alert(1)</script>"), Q("\"><img src=x onerror=alert(1)>"), Q("javascript:alert(1)"), Q("{{7*7}}${7*7}"),
        Q("../../../../etc/passwd"), Q("%00%0d%0aSet-Cookie: x=y"), Q("\r\nX-Injected: 1"),
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\uffff\\ufffe\"", Q("\u202e\u0627\u0644\u0639\u0631\u0628\u064a\u0629"),
        Q("\u200b\u200c\u200d\u2060\ufeff"), Q("e\u0301\u0301\u0301\u0301\u0301"), Q("\ud83d\ude91\ud83d\ude91"), Q("\u0130\u0131\u017f"),
        Q("2026-02-30T25:61:61+07:00"), Q("0001-01-01T00:00:00Z"), Q("9999-12-31T23:59:59Z"), Q("2026-11-20"), Q("yesterday"),
        Q("+62812345678901234567890"), Q("0"), Q("withheld"), Q("merah"), Q("MERAH"), Q("ungu"),
    ];

    /// <summary>Bodies that are not valid JSON at all (or not JSON).</summary>
    public static readonly string[] BrokenBodies =
    [
        "", " ", "{", "}", "{\"externalId\":", "{\"externalId\":\"x\",}", "{'externalId':'x'}", "{\"a\" \"b\"}",
        "[", "\"just a string\"", "42", "null", "<xml/>", "externalId=x&source=ncc", "{\"externalId\":\"x\"}}}}",
        new string('[', 5000) + new string(']', 5000), "{\"x\":" + new string('1', 100_000) + "}", "\u0000\u0001\u0002",
    ];

    public static readonly string[] BadTokens =
    [
        "Bearer ", "Bearer x", "Bearer " + new string('a', 8000), "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
        "Basic YWRtaW46YWRtaW4=", "bearer null", "Bearer ' OR 1=1 --", "Bearer %ff%fe", "Bearer \"\\x\"",
    ];

    public static string Q(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>Bytes that are not valid UTF-8, for a body that claims to be JSON.</summary>
    public static byte[] InvalidUtf8() => [.. "{\"externalId\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8];

    public static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>A JSON object from a template whose fields are each kept, replaced by a hostile value, or dropped.</summary>
    public static string Mutate(Random random, IReadOnlyDictionary<string, string> template)
    {
        var body = new StringBuilder("{");
        foreach (var (name, value) in template)
        {
            var roll = random.NextDouble();
            if (roll < 0.15) continue;
            var chosen = roll < 0.55 ? value : Pick(random, Fragments);
            if (body.Length > 1) body.Append(',');
            body.Append(Q(name)).Append(':').Append(chosen);
        }
        if (random.NextDouble() < 0.1) body.Append(body.Length > 1 ? "," : "").Append(Q("__proto__")).Append(":{\"admin\":true}");
        return body.Append('}').ToString();
    }
}
