using Dispatch.Api.Database;
using Microsoft.Data.Sqlite;

namespace Dispatch.Api.Audit;

/// <summary>
/// Configuration section "Audit": <c>Audit:ChainKey</c>, the key of the log hash chain (base64, at
/// least 32 bytes). Kept outside the database and backed up apart from it: whoever holds both can
/// rewrite history undetected; losing it only means the old chain can no longer be verified.
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    public string? ChainKey { get; set; }
}

/// <summary>Where the chain key comes from: configuration, else (Development, or the embedded SQLite default) a key file.</summary>
public static class ChainKey
{
    public const string FileName = "audit-chain.key";
    public const string Setting = $"{AuditOptions.Section}:{nameof(AuditOptions.ChainKey)}";

    /// <summary>What is wrong with a configured key (null when it is fine or absent).</summary>
    public static string? Problem(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var bytes = new byte[configured.Length];
        if (!Convert.TryFromBase64String(configured.Trim(), bytes, out var length))
            return $"{Setting} is not base64.";
        return length < LogChain.MinimumKeyBytes ? $"{Setting} holds {length} bytes; at least {LogChain.MinimumKeyBytes} are needed." : null;
    }

    /// <summary>
    /// The configured key; without one, the key file beside the SQLite database (or, in Development
    /// on a database server, under the content root's data folder), created with a random key the
    /// first time. Elsewhere the setting is required (<see cref="Demo.StartupGuard"/> says so first).
    /// </summary>
    public static byte[] Resolve(string? configured, DatabaseSetup setup, IHostEnvironment? environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Problem(configured) is { } problem ? throw new InvalidOperationException(problem) : Convert.FromBase64String(configured.Trim());
        string? folder = null;
        if (setup.Dialect == Sqlite.Instance)
        {
            var source = new SqliteConnectionStringBuilder(setup.ConnectionString).DataSource;
            folder = Path.GetDirectoryName(Path.GetFullPath(source));
        }
        else if (environment?.IsDevelopment() == true)
        {
            folder = Path.Combine(environment.ContentRootPath, "data");
        }
        if (folder is null)
            throw new InvalidOperationException($"{Setting} is required with {setup.Dialect.Name}: a base64 key of at least {LogChain.MinimumKeyBytes} bytes (openssl rand -base64 32).");
        return FromFile(Path.Combine(folder, FileName));
    }

    /// <summary>Reads the key file, or creates it with a random key (two nodes starting at once: one creates, the other reads).</summary>
    public static byte[] FromFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(LogChain.MinimumKeyBytes));
            var temporary = path + "." + Guid.NewGuid().ToString("n");
            File.WriteAllText(temporary, key);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // Published whole or not at all: a node never reads a half-written key.
            try { File.Move(temporary, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
        }
        var text = File.ReadAllText(path).Trim();
        return Problem(text) is { } problem ? throw new InvalidOperationException($"{path}: {problem}") : Convert.FromBase64String(text);
    }
}
