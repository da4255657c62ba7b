using System.Text.RegularExpressions;

namespace Dispatch.Core.Patients;

/// <summary>
/// The form of an ICD-10 code: a letter, two digits, then optionally a dot and one to four letters
/// or digits (WHO ICD-10 uses one character after the dot, the clinical modifications such as
/// ICD-10-CM up to four). Only the form is checked here; whether the code is in a shipped list is
/// <c>Icd10Catalog</c>'s business, and a code missing from the list is flagged, never refused.
/// </summary>
public static partial class Icd10Code
{
    public const int MaxLength = 8;

    [GeneratedRegex("^[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();

    /// <summary>The code trimmed, upper-cased and with its dot after the third character; null when the form is wrong.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null) return null;
        var c = code.Trim().ToUpperInvariant();
        if (c.Length > MaxLength + 1 || !Form().IsMatch(c)) return null;
        c = c.Replace(".", "", StringComparison.Ordinal);
        return c.Length == 3 ? c : $"{c[..3]}.{c[3..]}";
    }
}
