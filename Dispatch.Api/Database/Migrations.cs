using System.Reflection;
using DbUp.Builder;

namespace Dispatch.Api.Database;

/// <summary>
/// Versioned schema scripts, one folder per dialect (Database/Migrations/&lt;Dialect&gt;/NNNN_name.sql),
/// embedded in the assembly and applied once each by DbUp, which records them in SchemaVersions.
/// </summary>
public static class Migrations
{
    public static IEnumerable<(string Name, string Sql)> Scripts(string dialectFolder)
    {
        var assembly = typeof(Migrations).Assembly;
        var prefix = $"{assembly.GetName().Name}.Database.Migrations.{dialectFolder}.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[prefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>Applies the scripts not yet applied; returns the file names of those it applied now (e.g. "0013_accountability.sql").</summary>
    internal static IReadOnlyList<string> Run(UpgradeEngineBuilder builder, string dialectFolder)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"{assembly.GetName().Name}.Database.Migrations.{dialectFolder}.";
        var result = builder
            .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Database migration failed at {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        return result.Scripts.Select(s => s.Name[prefix.Length..]).ToList();
    }
}
