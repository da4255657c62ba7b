using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Dispatch.Api.Exports;

/// <summary>
/// A CsvWriter for files people open in Excel or LibreOffice: a cell that begins with =, +, -, @,
/// a tab or a carriage return (OWASP's CSV injection list, CsvHelper's default) is escaped with a
/// leading apostrophe by CsvHelper's own injection protection, so a complaint such as
/// <c>=HYPERLINK(...)</c> stays text. A plain number keeps its sign (a latitude of -0.79, a phone
/// number +6281234567890): a spreadsheet reads it as a number, never as a formula.
/// </summary>
public sealed partial class SafeCsvWriter(TextWriter writer) : CsvWriter(writer, Settings)
{
    private static readonly CsvConfiguration Settings = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PlainNumber();

    protected override string? SanitizeForInjection(string? field) =>
        field is { Length: <= 32 } && PlainNumber().IsMatch(field) ? field : base.SanitizeForInjection(field);
}
