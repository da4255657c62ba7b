using System.Collections.Concurrent;

namespace Dispatch.Api.Database;

/// <summary>
/// One SQL statement, written once and rendered per dialect. Every statement the stores run is a
/// <see cref="SqlText"/> held in a static field, so tests can enumerate them all and parse the
/// T-SQL renderings with ScriptDom and the SQLite ones with SQLite itself.
/// </summary>
public sealed class SqlText
{
    private static readonly ConcurrentQueue<SqlText> Registry = new();
    private readonly Func<SqlDialect, string> _build;
    private readonly ConcurrentDictionary<SqlDialect, string> _rendered = new();

    private SqlText(string name, Func<SqlDialect, string> build)
    {
        Name = name;
        _build = build;
        Registry.Enqueue(this);
    }

    /// <summary>Owner and field, for test messages.</summary>
    public string Name { get; }

    public static IReadOnlyCollection<SqlText> All => Registry;

    /// <summary>Plain SQL that both dialects accept as it is.</summary>
    public static SqlText Of(string name, string sql) => new(name, _ => sql);

    /// <summary>SQL whose text depends on the dialect (returning ids, limits).</summary>
    public static SqlText Of(string name, Func<SqlDialect, string> build) => new(name, build);

    public string For(SqlDialect dialect) => _rendered.GetOrAdd(dialect, _build);

    public override string ToString() => Name;
}
