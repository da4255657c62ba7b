using Microsoft.AspNetCore.DataProtection;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Where ASP.NET Core keeps the keys that sign cookies and bearer tokens. By default they live in
/// the service user's home folder, or only in memory when it has none (a systemd service user or
/// a container): then every restart signs every operator and crew phone out. Setting
/// <c>DataProtection:KeysFolder</c> (e.g. <c>/var/lib/psc119/keys</c>) keeps them across restarts.
/// </summary>
public static class KeyRing
{
    public const string KeysFolderKey = "DataProtection:KeysFolder";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration[KeysFolderKey];
        if (!string.IsNullOrWhiteSpace(folder))
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(folder));
        return services;
    }
}
