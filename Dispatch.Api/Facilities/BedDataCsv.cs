using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Dispatch.Core.Facilities;

namespace Dispatch.Api.Facilities;

/// <summary>A facility as a bed data file names it, with where it is when the file says so (to create it on request).</summary>
public sealed record BedFileFacility(string? Code, string? Name, double? Lat, double? Lon, IReadOnlyList<BedRow> Rows);

/// <summary>
/// Reads the national bed data shapes by their column names (case-insensitive): the facility by
/// <c>kode_rs</c>/<c>kode</c>/<c>code</c> and <c>nama_rs</c>/<c>nama</c>/<c>name</c>; per room type
/// (<c>nama_tt</c>, <c>jenis_tt</c>, <c>tt</c>, <c>ruang</c>, <c>namakelas</c>, <c>kodekelas</c>) its
/// <c>kapasitas</c>/<c>jumlah</c> and <c>terpakai</c>, or <c>tersedia</c>; or one column per bed kind
/// (<c>igd</c>, <c>icu</c>, ... with free counts). Optional <c>lat</c>/<c>lon</c>.
/// </summary>
public static class BedDataCsv
{
    private static readonly string[] CodeColumns = ["kode_rs", "koders", "kode", "code", "kode_ppk", "kodeppk"];
    private static readonly string[] NameColumns = ["nama_rs", "namars", "nama", "name", "nama_ppk"];
    private static readonly string[] RoomColumns = ["nama_tt", "jenis_tt", "tt", "ruang", "namaruang", "namakelas", "kodekelas", "room_type"];
    private static readonly string[] CapacityColumns = ["kapasitas", "jumlah", "jumlah_tt", "capacity"];
    private static readonly string[] OccupiedColumns = ["terpakai", "terisi", "occupied"];
    private static readonly string[] FreeColumns = ["tersedia", "kosong", "free"];
    private static readonly string[] LatColumns = ["lat", "latitude"];
    private static readonly string[] LonColumns = ["lon", "lng", "longitude"];

    /// <summary>The facilities of the file, in order of first appearance, and the problems found (field "file" or "line N").</summary>
    public static async Task<(IReadOnlyList<BedFileFacility> Facilities, IReadOnlyList<string> Problems)> ReadAsync(Stream csv)
    {
        using var reader = new StreamReader(csv);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null });
        await parser.ReadAsync();
        parser.ReadHeader();
        var headers = (parser.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
        int[] Find(string[] names) => names.Select(n => Array.FindIndex(headers, h => string.Equals(h, n, StringComparison.OrdinalIgnoreCase))).Where(i => i >= 0).ToArray();
        var (code, name, room) = (Find(CodeColumns).FirstOrDefault(-1), Find(NameColumns).FirstOrDefault(-1), Find(RoomColumns));
        var (capacity, occupied, free) = (Find(CapacityColumns).FirstOrDefault(-1), Find(OccupiedColumns).FirstOrDefault(-1), Find(FreeColumns).FirstOrDefault(-1));
        var (lat, lon) = (Find(LatColumns).FirstOrDefault(-1), Find(LonColumns).FirstOrDefault(-1));
        var wide = BedKinds.All.Select(k => (Kind: k, Index: Find([k]).FirstOrDefault(-1))).Where(x => x.Index >= 0).ToArray();
        var problems = new List<string>();
        if (code < 0 && name < 0) problems.Add("file: a facility code (kode_rs, kode, code) or name (nama_rs, nama, name) column is needed.");
        if (room.Length == 0 && wide.Length == 0) problems.Add("file: a room type column (nama_tt, tt, ruang, namakelas, kodekelas) or bed kind columns (igd, icu...) are needed.");
        if (room.Length > 0 && free < 0 && (capacity < 0 || occupied < 0)) problems.Add("file: room rows need tersedia, or kapasitas/jumlah and terpakai.");
        if (problems.Count > 0) return ([], problems);

        var facilities = new List<(string Key, string? Code, string? Name, double? Lat, double? Lon, List<BedRow> Rows)>();
        var line = 1;
        while (await parser.ReadAsync())
        {
            line++;
            string? Cell(int i) => i < 0 ? null : parser.GetField(i)?.Trim() is { Length: > 0 } v ? v : null;
            int? Count(int i, string what)
            {
                if (Cell(i) is not { } text) return null;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
                problems.Add($"line {line}: '{what}' is not a count ({text}).");
                return null;
            }
            var (rowCode, rowName) = (Cell(code), Cell(name));
            if (rowCode is null && rowName is null) { problems.Add($"line {line}: no facility code or name."); continue; }
            var key = rowCode is not null ? $"c:{rowCode}" : $"n:{rowName!.ToUpperInvariant()}";
            var at = facilities.FindIndex(f => f.Key == key);
            if (at < 0)
            {
                facilities.Add((key, rowCode, rowName, Number(Cell(lat)), Number(Cell(lon)), []));
                at = facilities.Count - 1;
            }
            var rows = facilities[at].Rows;
            if (room.Length > 0)
                rows.Add(new BedRow(line, rowCode, rowName, string.Join(' ', room.Select(Cell).Where(c => c is not null)),
                    Count(capacity, "capacity"), Count(occupied, "occupied"), Count(free, "free")));
            foreach (var (kind, index) in wide)
                if (Count(index, kind) is { } n) rows.Add(new BedRow(line, rowCode, rowName, kind, null, null, n));
        }
        return (facilities.Select(f => new BedFileFacility(f.Code, f.Name, f.Lat, f.Lon, f.Rows)).ToList(), problems);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
