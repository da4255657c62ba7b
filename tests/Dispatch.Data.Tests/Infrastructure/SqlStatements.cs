using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dispatch.Api.Database;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>Every <see cref="SqlText"/> the API assembly declares, and the text as Dapper sends it.</summary>
public static partial class SqlStatements
{
    private static readonly Lazy<IReadOnlyList<SqlText>> Loaded = new(Load);

    /// <summary>All statements, after every static initialiser in Dispatch.Api has run.</summary>
    public static IReadOnlyList<SqlText> All => Loaded.Value;

    /// <summary>One NUnit case per statement, shown by its <see cref="SqlText.Name"/>.</summary>
    public static IEnumerable<TestCaseData> Cases() => All.Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    /// <summary>
    /// Dapper rewrites <c>IN @List</c> (an enumerable parameter) to <c>IN (@List1, @List2, ...)</c>
    /// before the database sees it; a single-item expansion is the smallest text a database receives.
    /// </summary>
    public static string AsSent(string sql) => ListParameter().Replace(sql, "IN ($1)");

    /// <summary>The distinct <c>@Name</c> parameters in a statement.</summary>
    public static IReadOnlyList<string> Parameters(string sql) =>
        [.. Parameter().Matches(sql).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static IReadOnlyList<SqlText> Load()
    {
        // SqlText registers itself when its static field is initialised; run them all so none is missed.
        Type?[] types;
        try { types = typeof(SqlText).Assembly.GetTypes(); }
        catch (ReflectionTypeLoadException partial) { types = partial.Types; }
        foreach (var type in types)
        {
            if (type is null || type.ContainsGenericParameters) continue;
            try { RuntimeHelpers.RunClassConstructor(type.TypeHandle); }
            catch (TypeInitializationException) { /* a type whose initialiser throws holds no SqlText we can use */ }
            catch (TypeLoadException) { /* likewise for a type that cannot load here */ }
        }
        return [.. SqlText.All.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\bIN\s+(@\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListParameter();

    [GeneratedRegex(@"@\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
