using Dispatch.Api.Imports;

namespace Dispatch.Api.Tests.Reports;

/// <summary>How one time field of a row is read (no server): whole, split, time-only, per-column zones.</summary>
public sealed class TimeReaderTests
{
    private static readonly string[] Headers = ["Tanggal", "Jam", "Tiba", "Waktu", "Tutup"];
    private static readonly Dictionary<string, int> ColumnOf = Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);

    private static readonly ImportMapping Mapping = new(
        new() { ["Tanggal"] = "callReceived.date", ["Jam"] = "callReceived.time", ["Tiba"] = "onScene.time", ["Waktu"] = "enRoute", ["Tutup"] = "closed" },
        "dd/MM/yyyy HH:mm", "Asia/Jakarta",
        new() { ["Tanggal"] = new("dd/MM/yyyy", null), ["Jam"] = new("HH:mm", "Asia/Makassar"), ["Tutup"] = new(null, "UTC") });

    private static DateTimeOffset? Read(string field, string?[] row, DateTimeOffset? call, DateTimeOffset? previous, out bool ok) =>
        new TimeReader(field, Mapping, ColumnOf).Read(i => row[i], call, previous, out ok, out _);

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2025, 6, day, hour, minute, 0, TimeSpan.Zero);

    [Test]
    public void A_date_and_a_time_column_are_joined_in_the_time_columns_zone()
    {
        // 08:00 WITA (UTC+8) on 5 June.
        Assert.That(Read("callReceived", ["05/06/2025", "08:00", null, null, null], null, null, out var ok), Is.EqualTo(Utc(5, 0, 0)));
        Assert.That(ok, Is.True);
    }

    [Test]
    public void A_time_alone_takes_the_calls_date_and_the_next_day_when_it_would_go_back()
    {
        var call = Utc(5, 16, 55); // 23:55 WIB
        Assert.That(Read("onScene", [null, null, "00:07", null, null], call, call, out _), Is.EqualTo(Utc(5, 17, 7)), "00:07 WIB on 6 June");
        Assert.That(Read("onScene", [null, null, "23:59", null, null], call, call, out _), Is.EqualTo(Utc(5, 16, 59)), "later the same day");
    }

    [Test]
    public void A_whole_column_uses_the_mappings_format_or_its_own_zone_and_an_offset_wins()
    {
        Assert.That(Read("enRoute", [null, null, null, "05/06/2025 08:02", null], null, null, out _), Is.EqualTo(Utc(5, 1, 2)), "WIB");
        Assert.That(Read("closed", [null, null, null, null, "05/06/2025 02:00"], null, null, out _), Is.EqualTo(Utc(5, 2, 0)), "its own zone: UTC");
    }

    [Test]
    public void An_unreadable_value_is_not_ok_and_an_empty_one_is_absent()
    {
        Assert.That(Read("enRoute", [null, null, null, "kemarin", null], null, null, out var bad), Is.Null);
        Assert.That(bad, Is.False);
        Assert.That(Read("enRoute", [null, null, null, null, null], null, null, out var empty), Is.Null);
        Assert.That(empty, Is.True);
        Assert.That(Read("callReceived", [null, "08:00", null, null, null], null, null, out var noDate), Is.Null, "callReceived needs its date");
        Assert.That(noDate, Is.False);
    }
}
