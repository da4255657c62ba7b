using DbUp;
using DbUp.Builder;
using Dispatch.Api.Database;

namespace Dispatch.Tests.Shared;

/// <summary>
/// Builds a database as an older release left it: the app's own embedded migration scripts, applied
/// by DbUp and journalled under the same names as <see cref="Migrations"/> does, but only those
/// whose file name sorts before <c>firstSkipped</c> (e.g. "0010"). The app's migration then applies
/// the rest, as an upgrade in the field would.
/// </summary>
public static class PreviousSchema
{
    public static void Apply(string provider, string connectionString, string firstSkipped)
    {
        var (builder, folder) = provider switch
        {
            "sqlite" => (DeployChanges.To.SqliteDatabase(connectionString), "Sqlite"),
            "postgres" => (Ensure(() => EnsureDatabase.For.PostgresqlDatabase(connectionString), DeployChanges.To.PostgresqlDatabase(connectionString)), "Postgres"),
            "sqlserver" => (Ensure(() => EnsureDatabase.For.SqlDatabase(connectionString), DeployChanges.To.SqlDatabase(connectionString)), "SqlServer"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        var assembly = typeof(Migrations).Assembly;
        var prefix = $"{assembly.GetName().Name}.Database.Migrations.{folder}.";
        var result = builder
            .WithScriptsEmbeddedInAssembly(assembly, name =>
                name.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(name[prefix.Length..], firstSkipped) < 0)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Building the previous schema failed at {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        Assert.That(result.Scripts.Select(s => s.Name[prefix.Length..]), Is.Not.Empty.And.All.LessThan(firstSkipped), "scripts applied");
    }

    private static UpgradeEngineBuilder Ensure(Action create, UpgradeEngineBuilder builder)
    {
        create();
        return builder;
    }
}
