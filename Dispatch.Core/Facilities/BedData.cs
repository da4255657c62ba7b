namespace Dispatch.Core.Facilities;

/// <summary>
/// One row of a national bed data file: a facility (by code or name), a room type and its counts.
/// RS Online's bed bridging gives capacity and occupied per room type (free = capacity − occupied);
/// BPJS Aplicares gives <c>kapasitas</c> and <c>tersedia</c> (free as such). A file with one column
/// per bed kind (igd, icu...) gives free counts directly (<see cref="RoomType"/> is then the kind).
/// </summary>
public sealed record BedRow(int Line, string? Code, string? Name, string RoomType, int? Capacity, int? Occupied, int? Free)
{
    /// <summary>Free beds: as given, else capacity − occupied (never below 0); null when neither is known.</summary>
    public int? FreeBeds => Free ?? (Capacity is { } c && Occupied is { } o ? Math.Max(0, c - o) : null);
}

/// <summary>Which bed kind a room type of the national files counts as (null: a ward class we do not track, e.g. KL1, VIP).</summary>
public static class RoomTypes
{
    // Order matters: PICU and NICU before ICU. Matched on the lower-case room type's words or prefixes,
    // so "ICU Dengan Ventilator" and "ICU Tanpa Ventilator" both count as icu and are summed.
    private static readonly (string Kind, string[] Words)[] Rules =
    [
        ("picu", ["picu", "pic"]),
        ("nicu", ["nicu", "nic", "perinatologi"]),
        ("icu", ["icu", "icc", "iccu", "hcu"]),
        ("isolation", ["isolasi", "isolation", "iso"]),
        ("igd", ["igd", "ugd"]),
        ("maternity", ["kebidanan", "bersalin", "vk", "sal", "maternity", "obstetri"]),
        ("operatingTheatre", ["operasi", "ok", "ibs", "operatingtheatre"]),
    ];

    public static string? KindOf(string roomType)
    {
        if (BedKinds.IsKnown(roomType)) return roomType;
        var words = roomType.ToLowerInvariant().Split([' ', '-', '_', '/', '(', ')', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (kind, keys) in Rules)
            if (words.Any(w => keys.Contains(w))) return kind;
        return null;
    }

    /// <summary>Free beds per kind of one facility's rows: rows of the same kind are summed; rows of untracked types are left out.</summary>
    public static IReadOnlyDictionary<string, int> FreeByKind(IEnumerable<BedRow> rows) =>
        rows.Select(r => (Kind: KindOf(r.RoomType), Free: r.FreeBeds))
            .Where(x => x.Kind is not null && x.Free is not null)
            .GroupBy(x => x.Kind!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Free!.Value), StringComparer.Ordinal);
}
