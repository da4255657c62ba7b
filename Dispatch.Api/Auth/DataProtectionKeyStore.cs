using System.Xml.Linq;
using Dispatch.Api.Database;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Dispatch.Api.Auth;

/// <summary>
/// Keeps ASP.NET Core's data-protection key ring (which protects session cookies and bearer
/// tokens) in the database: every API node reads the same keys, so a token issued by one node is
/// accepted by the others, and a restart or a new node signs nobody out. The keys are stored as
/// ASP.NET Core writes them (not encrypted at rest, as with its default file store): protect the
/// database and its backups accordingly.
/// </summary>
public sealed class DataProtectionKeyStore(Db db) : IXmlRepository
{
    /// <summary>The application name every node shares (the default would differ per install folder).</summary>
    public const string ApplicationName = "psc119";

    private static readonly SqlText All = SqlText.Of("DataProtectionKeyStore.All", "SELECT xml FROM data_protection_keys ORDER BY id");

    private static readonly SqlText Insert = SqlText.Of("DataProtectionKeyStore.Insert", d => d.InsertReturning(
        "data_protection_keys", "friendly_name, xml", "@FriendlyName, @Xml"));

    // The key ring API is synchronous; it reads at start, on an unknown key and about once a day.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        db.ReadAsync<IReadOnlyCollection<XElement>>(async s => [.. (await s.QueryAsync<string>(All)).Select(x => XElement.Parse(x))], CancellationToken.None)
            .GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        db.WriteAsync("data-protection", s => s.InsertAsync(Insert, new { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) }), CancellationToken.None)
            .GetAwaiter().GetResult();
}

public static class KeyRingSetup
{
    /// <summary>Keeps the key ring in the database (see <see cref="Hosting.KeyRing"/> for the choice).</summary>
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((o, store) => o.XmlRepository = store);
        return services;
    }
}
