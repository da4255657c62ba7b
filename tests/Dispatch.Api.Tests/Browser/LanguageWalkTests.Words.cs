using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Api.Auth;
using Dispatch.Core.Calls;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Dispatch.Core.Units;
using Microsoft.Playwright;

namespace Dispatch.Api.Tests.Browser;

/// <summary>The words no page may show, and the check that looks for them.</summary>
public sealed partial class LanguageWalkTests
{
    // ProblemDetails codes (ProblemMapping, RuleViolation, routing, auth): a page shows them only translated.
    private static readonly string[] ProblemCodes =
    [
        "illegal-transition", "call-taken", "call-not-answered", "unit-busy", "time-out-of-order", "incident-inactive", "invalid-location",
        "invalid-patient-count", "destination-required", "reason-required", "invalid-outcome", "invalid-position", "no-assignment", "concurrency",
        "not-found", "bad-request", "database-unavailable", "antiforgery", "sign-in-throttled", "wrong-credentials", "own-unit-only",
        "json-required", "payload-too-large", "no-road-network", "FromOffRoad", "ToOffRoad", "Unreachable", "text-too-long",
        "sign-in-busy", "password-change-required", "wrong-current-password", "totp-required", "wrong-totp-code", "totp-enrolment-required",
        "totp-mandatory", "last-admin",
        // patients (issue 15)
        "handover-time-required", "patient-id-taken", "observation-id-taken", "unknown-destination",
        // import rejections
        "missing", "too-long", "bad-time", "bad-triage", "bad-position", "unknown-unit", "unknown-source", "duplicate-in-file", "column-not-in-file",
    ];

    /// <summary>Every code the server sends for people to read: enum values as JSON writes them, flags, intervals, roles, problem codes.</summary>
    private static readonly string[] ServerCodes =
    [
        .. new[]
        {
            typeof(CallSource), typeof(CallStatus), typeof(CallOutcome), typeof(IncidentStatus), typeof(CrewStatus), typeof(UnitStatus),
            typeof(UnitType), typeof(StationKind), typeof(IncidentCategory), typeof(PositionSource), typeof(EtaBasis),
        }.SelectMany(Enum.GetNames).Select(JsonNamingPolicy.CamelCase.ConvertName),
        .. new[] { typeof(CallFlags), typeof(ResponseIntervals), typeof(Roles), typeof(Dispatch.Api.Security.SecurityEventKinds) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!),
        .. ProblemCodes, "anonymous", "WIBnull",
    ];

    // Lowercase codes that are plain words in Indonesian too, so an Indonesian sentence may hold them.
    private static readonly HashSet<string> IndonesianWords = ["operator", "radio", "trauma", "puskesmas", "merah", "kuning", "hijau", "hitam"];

    // Codes that no reader could take for a word: checked on both pages.
    private static readonly string[] UnmistakableCodes =
        [.. ServerCodes.Where(c => Regex.IsMatch(c, "[A-Z0-9-]") || c is "ncc" or "walkin" or "healthoffice" or "anonymous" or "telephony").Distinct()];

    // Codes that are also English words ("prank", "closed"): on the Indonesian page they are untranslated.
    private static readonly string[] WordCodes = [.. ServerCodes.Except(UnmistakableCodes).Where(c => !IndonesianWords.Contains(c)).Distinct()];

    // English the server or an untranslated control would put on the Indonesian page.
    private static readonly string[] EnglishOnIndonesianPage =
    [
        "is required", "must be", "is not", "Not found", "not found", "The request", "needs a", "Something went wrong", "HTTP", "Check:", "Refused",
        "Transporting needs", "destination facility", "Sign in", "Sign out", "Save", "Add", "Cancel", "Print", "Show", "Preview", "Units", "Users",
        "Reports", "Incidents", "Connected", "Reconnecting", "Disconnected", "Answer", "no data", "all", "ago", "taken by", "would be imported",
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    ];

    // Indonesian left on the English page.
    private static readonly string[] IndonesianOnEnglishPage =
    [
        "Simpan", "Tambah", "Keluar", "Masuk", "Batal", "Tampilkan", "Cetak", "semua", "tidak ada data", "Tersimpan", "akan diimpor", "Pratinjau",
        "Periksa", "wajib", "Menunggu", "Terhubung", "Laporan", "Pengguna", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab",
    ];

    private const string ReadableText = """
        () => {
          const shown = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
          // What a person or a file wrote (a user name, a CSV cell) is shown verbatim: data, not words of the page.
          let body = document.body.innerText;
          for (const e of document.querySelectorAll('[data-verbatim]')) body = body.replace(e.innerText, '');
          const parts = [body];
          for (const e of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
            if (!shown(e)) continue;
            for (const name of ['title', 'placeholder', 'aria-label']) if (e.getAttribute(name)) parts.push(e.getAttribute(name));
          }
          for (const s of document.querySelectorAll('select')) if (shown(s)) parts.push(...[...s.options].map(o => o.textContent));
          // Chart labels are drawn on canvases, out of the DOM's text.
          if (window.Chart) for (const c of Object.values(Chart.instances)) parts.push(...(c.data.labels ?? []).map(String), ...c.data.datasets.map(d => d.label ?? ''));
          return parts;
        }
        """;

    /// <summary>Fails on any code, null/undefined/NaN, or text of the other language on what a person reads of the page.</summary>
    private async Task AssertPageSpeaksAsync(IPage page, string lang)
    {
        await page.WaitForTimeoutAsync(300); // let a render that just started finish
        var parts = await page.EvaluateAsync<string[]>(ReadableText);
        var text = string.Join("\n", parts);
        var found = new List<string>();
        void Look(IEnumerable<string> words, string why)
        {
            foreach (var word in words)
                if (Regex.Match(text, $@"(?<![\p{{L}}\p{{N}}_-]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}_-])") is { Success: true } m)
                    found.Add($"{why} '{word}' in: …{Around(text, m.Index)}…");
        }
        Look(UnmistakableCodes, "code");
        foreach (var token in new[] { "null", "undefined", "[object" })
            if (text.Contains(token, StringComparison.Ordinal)) found.Add($"'{token}' in: …{Around(text, text.IndexOf(token, StringComparison.Ordinal))}…");
        Look(["NaN"], "not a number");
        if (lang == "id")
        {
            Look(WordCodes, "untranslated code");
            Look(EnglishOnIndonesianPage, "English");
        }
        else
        {
            Look(IndonesianOnEnglishPage, "Indonesian");
        }
        Assert.That(found, Is.Empty, $"{page.Url} ({lang}) shows words a person should not read:\n{string.Join("\n", found)}");
    }

    private static string Around(string text, int index) =>
        text.Substring(Math.Max(0, index - 40), Math.Min(text.Length, index + 40) - Math.Max(0, index - 40)).ReplaceLineEndings(" ⏎ ");
}
