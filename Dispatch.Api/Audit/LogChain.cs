using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Api.Audit;

/// <summary>
/// The hash chain over the append-only logs: each row's <c>hash</c> is
/// SHA-256(previous row's hash || HMAC-SHA256(key, canonical bytes of this row's stored columns)),
/// in id order, as lowercase hex. The key lives outside the database (<c>Audit:ChainKey</c>) and
/// never reaches it, so whoever can rewrite rows cannot recompute the chain: a changed row needs
/// its own MAC, a deleted one breaks the link of the row after it, and relinking that row needs its
/// MAC too (never stored; only the hash that covers it).
/// </summary>
/// <remarks>
/// The keyed part needs only the row, the link only the previous hash: a database can link a row
/// under its own lock from a MAC computed here (<see cref="ChainSql"/>), with the key kept in this
/// process. The id is not hashed (the database draws it at insert); order is still bound, because
/// each hash covers the one before it. Canonical bytes: per column, 0x00 for NULL, 0x01 and 8 bytes
/// big-endian for an integer, 0x02, a 4-byte big-endian length and UTF-8 for text. The previous
/// hash goes in as text the same way (0x00 for the first row).
/// </remarks>
public sealed class LogChain(byte[] key)
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key = key.Length >= MinimumKeyBytes
        ? key
        : throw new ArgumentException($"The chain key must be at least {MinimumKeyBytes} bytes.", nameof(key));

    /// <summary>The keyed half: HMAC-SHA256 of the row's canonical columns, from the parameters of its INSERT.</summary>
    public byte[] RowMac(ChainedTable table, IReadOnlyDictionary<string, object?> parameters)
    {
        var values = new object?[table.Columns.Length];
        for (var i = 0; i < values.Length; i++) values[i] = parameters[table.Columns[i].Parameter];
        return RowMac(values);
    }

    private byte[] RowMac(ReadOnlySpan<object?> columns)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var value in columns) Write(buffer, value);
        return HMACSHA256.HashData(_key, buffer.WrittenSpan);
    }

    /// <summary>The hash of a row after <paramref name="previous"/>, its columns in <see cref="ChainedTable.Columns"/> order.</summary>
    public string Next(string? previous, ReadOnlySpan<object?> columns) => Link(previous, RowMac(columns));

    /// <summary>The hash of a row about to be inserted, from the very parameters of its INSERT.</summary>
    public string Next(string? previous, ChainedTable table, IReadOnlyDictionary<string, object?> parameters) =>
        Link(previous, RowMac(table, parameters));

    /// <summary>The unkeyed half: SHA-256 of the previous hash (as canonical text) and the row's MAC.</summary>
    private static string Link(string? previous, byte[] rowMac)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        Write(buffer, previous);
        buffer.Write(rowMac);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(ArrayBufferWriter<byte> buffer, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                buffer.GetSpan(1)[0] = 0;
                buffer.Advance(1);
                break;
            case long or int or short:
                var span = buffer.GetSpan(9);
                span[0] = 1;
                BinaryPrimitives.WriteInt64BigEndian(span[1..], Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                buffer.Advance(9);
                break;
            case string text:
                var length = Encoding.UTF8.GetByteCount(text);
                var head = buffer.GetSpan(5);
                head[0] = 2;
                BinaryPrimitives.WriteInt32BigEndian(head[1..], length);
                buffer.Advance(5);
                buffer.Advance(Encoding.UTF8.GetBytes(text, buffer.GetSpan(length)));
                break;
            default:
                throw new ArgumentException($"A chained column holds an integer or text, not {value.GetType().Name}.", nameof(value));
        }
    }
}

/// <summary>A hash-chained table: its name, the columns the hash covers (in order) and the lock its writers take.</summary>
public sealed record ChainedTable(string Name, ChainedColumn[] Columns, Func<Database.SqlDialect, string?> Lock)
{
    public static readonly ChainedTable IncidentLog = new("incident_log",
    [
        new("at", "At", false), new("actor", "Actor", true), new("action", "Action", true), new("call_id", "CallId", false),
        new("incident_id", "IncidentId", false), new("unit_id", "UnitId", false), new("details", "Details", true),
    ], d => d.EventOrderLock);

    public static readonly ChainedTable AccessLog = new("access_log",
    [
        new("at", "At", false), new("actor", "Actor", true), new("action", "Action", true), new("incident_id", "IncidentId", false),
        new("call_id", "CallId", false), new("range_from", "RangeFrom", false), new("range_to", "RangeTo", false), new("details", "Details", true),
    ], d => d.AccessLogLock);

    public static readonly IReadOnlyList<ChainedTable> All = [IncidentLog, AccessLog];

    public string ColumnList => string.Join(", ", Columns.Select(c => c.Column));

    /// <summary>Takes the table's write lock (nothing where one writer runs at a time) and reads the last row's hash.</summary>
    public Database.SqlText Head { get; } = Database.SqlText.Of($"ChainedTable.Head.{Name}", d =>
        (Lock(d) is { } l ? l.TrimEnd().TrimEnd(';') + "; " : "") + $"SELECT hash FROM {Name} ORDER BY id DESC" + d.Limit("1"));

    /// <summary>Only the lock (start-up chaining of legacy rows takes it, then reads what it needs).</summary>
    public Database.SqlText LockOnly { get; } = Database.SqlText.Of($"ChainedTable.Lock.{Name}", d => Lock(d) ?? "SELECT 1");
}

/// <param name="Column">The column as stored.</param>
/// <param name="Parameter">Its parameter in the INSERT.</param>
/// <param name="Text">Text (else an integer).</param>
public sealed record ChainedColumn(string Column, string Parameter, bool Text);
