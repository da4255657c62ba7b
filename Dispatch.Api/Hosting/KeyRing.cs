using System.Security.Cryptography.X509Certificates;
using Dispatch.Api.Auth;
using Microsoft.AspNetCore.DataProtection;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Where ASP.NET Core keeps the keys that sign cookies and bearer tokens, and how they are
/// protected at rest. By default they live in the database (<see cref="DataProtectionKeyStore"/>):
/// every node of a multi-node site reads the same keys, and restarts keep sessions. Setting
/// <c>DataProtection:KeysFolder</c> keeps them in that folder instead.
/// <para>
/// Anyone who reads a key can forge any user's session, so the keys are encrypted with a
/// certificate (RSA, PKCS#12): <c>DataProtection:CertificatePath</c> (a .pfx file) or
/// <c>DataProtection:Certificate</c> (the same file as base64, e.g. from a secret store), with
/// <c>DataProtection:CertificatePassword</c>. Every node needs the same certificate. Without one,
/// outside Development the app warns at start (<see cref="WarnIfUnprotected"/>).
/// </para>
/// </summary>
public static partial class KeyRing
{
    public const string Section = "DataProtection";
    public const string KeysFolderKey = Section + ":KeysFolder";
    public const string CertificatePathKey = Section + ":CertificatePath";
    public const string CertificateKey = Section + ":Certificate";
    public const string CertificatePasswordKey = Section + ":CertificatePassword";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        // One application name on every node (the default depends on the install folder).
        var dataProtection = services.AddDataProtection().SetApplicationName(DataProtectionKeyStore.ApplicationName);
        var folder = configuration[KeysFolderKey];
        if (!string.IsNullOrWhiteSpace(folder)) dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        else services.AddDatabaseKeyRing();
        // The certificate also decrypts the keys it protected (no certificate store needed).
        if (Certificate(configuration) is { } certificate) dataProtection.ProtectKeysWithCertificate(certificate);
        return services;
    }

    /// <summary>The certificate that protects the keys at rest, or null when none is configured.</summary>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        var password = configuration[CertificatePasswordKey];
        var path = configuration[CertificatePathKey];
        var inline = configuration[CertificateKey];
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(path)) certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        else if (!string.IsNullOrWhiteSpace(inline)) certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(inline.Trim()), password);
        else return null;
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"{Section}: the key-ring certificate needs an RSA private key (a PKCS#12 .pfx file with its key).");
        return certificate;
    }

    /// <summary>Outside Development, a key ring without a certificate is stored in the clear: say so at start.</summary>
    public static void WarnIfUnprotected(IConfiguration configuration, IHostEnvironment env, ILogger logger)
    {
        if (env.IsDevelopment()) return;
        if (string.IsNullOrWhiteSpace(configuration[CertificatePathKey]) && string.IsNullOrWhiteSpace(configuration[CertificateKey]))
            LogUnprotected(logger);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "The session key ring is not encrypted at rest: anyone who reads the database, its backups or the keys folder can forge sessions. " +
                  "Set DataProtection:CertificatePath (or DataProtection:Certificate) and DataProtection:CertificatePassword; see deploy/README.md.")]
    private static partial void LogUnprotected(ILogger logger);
}
