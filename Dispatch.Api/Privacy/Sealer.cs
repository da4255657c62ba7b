using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Api.Privacy;

/// <summary>
/// Seals one value with its subject's key (AES-256-GCM): <c>"pd1:" + base64(nonce | ciphertext | tag)</c>,
/// a plain string, so a sealed value keeps the surrounding JSON valid. The subject name is the
/// associated data: a value copied to another subject's row does not open with that key.
/// </summary>
public static class Sealer
{
    public const string Prefix = "pd1:";
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    public static string Seal(byte[] key, string subject, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(subject));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The plaintext, or null when the value does not open with this key (wrong subject, altered).</summary>
    public static string? Open(byte[] key, string subject, string value)
    {
        if (!IsSealed(value)) return null;
        byte[] bytes;
        try { bytes = Convert.FromBase64String(value[Prefix.Length..]); }
        catch (FormatException) { return null; }
        if (bytes.Length < NonceBytes + TagBytes) return null;
        var length = bytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, length), bytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(subject));
        }
        catch (AuthenticationTagMismatchException) { return null; }
        return Encoding.UTF8.GetString(plain);
    }
}
