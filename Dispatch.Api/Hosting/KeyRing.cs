using Dispatch.Api.Auth;
using Microsoft.AspNetCore.DataProtection;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Where ASP.NET Core keeps the keys that sign cookies and bearer tokens. By default they live in
/// the database (<see cref="DataProtectionKeyStore"/>): every node of a multi-node site reads the
/// same keys, and restarts keep sessions. Setting <c>DataProtection:KeysFolder</c> (e.g.
/// <c>/var/lib/psc119/keys</c>) keeps them in that folder instead, for a single machine that
/// backs the folder up with its data; several nodes would then each need the same shared folder.
/// </summary>
public static class KeyRing
{
    public const string KeysFolderKey = "DataProtection:KeysFolder";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        // One application name on every node (the default depends on the install folder).
        var dataProtection = services.AddDataProtection().SetApplicationName(DataProtectionKeyStore.ApplicationName);
        var folder = configuration[KeysFolderKey];
        if (!string.IsNullOrWhiteSpace(folder)) dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        else services.AddDatabaseKeyRing();
        return services;
    }
}
