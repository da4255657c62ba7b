using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace Dispatch.Api.Auth;

/// <summary>
/// Time-based one-time codes (RFC 6238, an authenticator app) with Otp.NET: 6 digits, 30-second
/// steps, one step of clock drift either way. Secrets are kept protected by the data-protection key
/// ring, never as plain text in the database.
/// </summary>
public sealed class SecondFactor(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Issuer = "PSC119";
    private readonly IDataProtector _protector = protection.CreateProtector("Psc119.Auth.Totp");

    /// <summary>A new secret: its protected form to store, and the otpauth URI an authenticator app reads.</summary>
    public (string Stored, string Secret, string Uri) NewSecret(string userName)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        var uri = new OtpUri(OtpType.Totp, secret, userName, Issuer).ToString();
        return (_protector.Protect(secret), secret, uri);
    }

    /// <summary>The time step the code belongs to, or null when it is not the current code.</summary>
    public long? Verify(string stored, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length != 6) return null;
        var totp = new Totp(Base32Encoding.ToBytes(_protector.Unprotect(stored)));
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code.Trim(), out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>The current code for a Base32 secret (what the user's app shows; for tests and tools).</summary>
    public static string CodeFor(string secret, DateTime utc) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(utc);
}
