using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Api.Audit;

/// <summary>
/// The hash chain over the append-only logs: each row's <c>hash</c> is
/// HMAC-SHA256(key, previous row's hash || canonical bytes of this row's stored columns), in id
/// order, as lowercase hex. The key lives outside the database (<c>Audit:ChainKey</c>), so whoever
/// can rewrite rows cannot recompute the chain: a changed row fails its own check, a deleted one
/// the check of the row after it.
/// </summary>
/// <remarks>
/// The id is not hashed (the database draws it at insert); order is still bound, because each
/// hash covers the one before it. Canonical bytes: per column, 0x00 for NULL, 0x01 and 8 bytes
/// big-endian for an integer, 0x02, a 4-byte big-endian length and UTF-8 for text. The previous
/// hash goes in as text the same way (absent for the first row).
/// </remarks>
public sealed class LogChain(byte[] key)
{
    public const int MinimumKeyBytes = 32;

    private const int BlockBytes = 64; // SHA-256's block: HMAC pads its key to it

    private readonly byte[] _key = key.Length >= MinimumKeyBytes
        ? key
        : throw new ArgumentException($"The chain key must be at least {MinimumKeyBytes} bytes.", nameof(key));

    /// <summary>
    /// The canonical bytes of a row's columns alone (the message after the previous hash), from the
    /// parameters of its INSERT: a database that hashes (<see cref="ChainSql"/>) prefixes the previous hash itself.
    /// </summary>
    public static byte[] Columns(ChainedTable table, IReadOnlyDictionary<string, object?> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var column in table.Columns) Write(buffer, parameters[column.Parameter]);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>HMAC's K xor ipad, for a database that computes the hash itself (<see cref="ChainSql"/>).</summary>
    public byte[] InnerPad => Pad(0x36);

    /// <summary>HMAC's K xor opad.</summary>
    public byte[] OuterPad => Pad(0x5c);

    private byte[] Pad(byte with)
    {
        var block = new byte[BlockBytes];
        (_key.Length > BlockBytes ? SHA256.HashData(_key) : _key).CopyTo(block, 0);
        for (var i = 0; i < block.Length; i++) block[i] ^= with;
        return block;
    }

    /// <summary>The hash of a row after <paramref name="previous"/>, its columns in <see cref="ChainedTable.Columns"/> order.</summary>
    public string Next(string? previous, ReadOnlySpan<object?> columns)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, previous);
        foreach (var value in columns) Write(buffer, value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, buffer.WrittenSpan));
    }

    /// <summary>The hash of a row about to be inserted, from the very parameters of its INSERT.</summary>
    public string Next(string? previous, ChainedTable table, IReadOnlyDictionary<string, object?> parameters)
    {
        var values = new object?[table.Columns.Length];
        for (var i = 0; i < values.Length; i++) values[i] = parameters[table.Columns[i].Parameter];
        return Next(previous, values);
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
