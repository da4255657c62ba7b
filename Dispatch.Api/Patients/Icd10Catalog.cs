using System.IO.Compression;
using Dispatch.Core.Patients;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Patients;

/// <summary>One entry of the ICD-10 code list: the code (with its dot) and its title.</summary>
public sealed record Icd10Entry(string Code, string Title);

/// <summary>Configuration section "Icd10": the code list a deployment provides.</summary>
public sealed class Icd10Options
{
    public const string Section = "Icd10";

    /// <summary>
    /// A <c>code&lt;TAB&gt;title</c> file (gzip'd when it ends in .gz) of the ICD-10 edition this PSC
    /// is licensed to use (e.g. the one its hospitals code with); empty for the embedded list, if any.
    /// </summary>
    public string ListPath { get; set; } = "";
}

/// <summary>
/// The ICD-10 code list: the file named by <c>Icd10:ListPath</c>, else a gzip'd TSV (code, title)
/// embedded as <c>Dispatch.Api.icd10.tsv.gz</c> if one is shipped; read once, on first use. Codes are always checked for their
/// form (<see cref="Icd10Code"/>); the list only helps searching and flags a code it does not know
/// (<see cref="IsListed"/> false), it never refuses one. Without a list <see cref="IsListed"/> is null.
/// </summary>
public sealed class Icd10Catalog
{
    public const string ResourceName = "Dispatch.Api.icd10.tsv.gz";
    private readonly Lazy<IReadOnlyList<Icd10Entry>?> _entries;
    private readonly Lazy<IReadOnlySet<string>?> _codes;

    public Icd10Catalog(IOptions<Icd10Options> options) : this(() => Open(options.Value.ListPath)) { }

    public Icd10Catalog(Func<Stream?> open)
    {
        _entries = new(() => Load(open));
        _codes = new(() => _entries.Value?.Select(e => e.Code).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether a list is shipped at all.</summary>
    public bool HasList => _entries.Value is not null;

    /// <summary>True or false when a list is shipped and the code is (not) in it; null for no code or no list.</summary>
    public bool? IsListed(string? code) => code is null || _codes.Value is not { } codes ? null : codes.Contains(code);

    /// <summary>
    /// Entries whose code starts with <paramref name="query"/> (dot optional), else whose title holds
    /// every word of it, in list order, at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<Icd10Entry> Search(string query, int limit)
    {
        var q = query.Trim();
        if (q.Length == 0 || _entries.Value is not { } entries) return [];
        var prefix = q.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        var byCode = entries.Where(e => e.Code.Replace(".", "", StringComparison.Ordinal).StartsWith(prefix, StringComparison.Ordinal)).Take(limit).ToList();
        if (byCode.Count > 0) return byCode;
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return entries.Where(e => words.All(w => e.Title.Contains(w, StringComparison.OrdinalIgnoreCase))).Take(limit).ToList();
    }

    /// <summary>The configured file (a missing one is a configuration error, said at first use), else the embedded list, else null.</summary>
    private static Stream? Open(string path)
    {
        if (path.Length == 0)
            return typeof(Icd10Catalog).Assembly.GetManifestResourceStream(ResourceName) is { } embedded
                ? new GZipStream(embedded, CompressionMode.Decompress) : null;
        var file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static IReadOnlyList<Icd10Entry>? Load(Func<Stream?> open)
    {
        using var stream = open();
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        var list = new List<Icd10Entry>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || Icd10Code.Normalize(line[..tab]) is not { } code) continue;
            list.Add(new Icd10Entry(code, line[(tab + 1)..]));
        }
        return list;
    }
}
