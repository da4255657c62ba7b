using Dispatch.Api.Database;
using Dispatch.Data.Tests.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Dispatch.Data.Tests;

/// <summary>
/// The T-SQL the app would send to SQL Server is real T-SQL: the migration scripts and every
/// statement rendered for <see cref="SqlServer"/> parse with Microsoft's own parser. This runs
/// without a server, so a typo in the production dialect fails the build here, not in a deployment.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    /// <summary>
    /// How many statements Dispatch.Api declares today (29). A floor: adding statements is fine,
    /// losing one (a store no longer registering its SQL) fails here.
    /// </summary>
    private const int KnownStatements = 29;

    private static readonly string[] CoreTables =
        ["calls", "incidents", "units", "stations", "users", "responses", "incident_notes", "incident_log", "events", "subject_keys", "access_log", "response_crew", "import_mappings", "planning_simulations", "road_calibrations"];

    [Test]
    public void Migration_scripts_parse_as_TSql_and_create_every_table()
    {
        var scripts = Migrations.Scripts("SqlServer").ToList();
        Assert.That(scripts, Is.Not.Empty, "no SQL Server migration scripts are embedded");

        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, sql) in scripts)
        {
            var fragment = Parse(sql, out var errors);
            Assert.That(errors, Is.Empty, $"{name}:{Environment.NewLine}{Describe(errors)}");
            fragment.Accept(new CreatedTables(tables));
        }
        Assert.That(tables, Is.SupersetOf(CoreTables));
    }

    [Test]
    public void Every_store_statement_is_registered()
    {
        var names = SqlStatements.All.Select(s => s.Name).ToList(); // runs every static initialiser first
        Assert.Multiple(() =>
        {
            Assert.That(SqlText.All, Has.Count.GreaterThanOrEqualTo(KnownStatements), string.Join(", ", names));
            Assert.That(names, Is.Unique, "statement names identify test cases and must be unique");
        });
    }

    [TestCaseSource(typeof(SqlStatements), nameof(SqlStatements.Cases))]
    public void Statement_parses_as_TSql(SqlText statement)
    {
        var sql = SqlStatements.AsSent(statement.For(SqlServer.Instance));
        Parse(sql, out var errors);
        Assert.That(errors, Is.Empty, $"{statement.Name} is not valid T-SQL:{Environment.NewLine}{Describe(errors)}{Environment.NewLine}{sql}");
    }

    [Test]
    public void A_broken_statement_fails_the_check()
    {
        // The negative control: the parser used above does report errors, so an empty list means something.
        Parse("SELEC id FROM calls", out var errors);
        Assert.That(errors, Is.Not.Empty);
    }

    private static TSqlFragment Parse(string sql, out IList<ParseError> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }

    private static string Describe(IEnumerable<ParseError> errors) =>
        string.Join(Environment.NewLine, errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message} (error {e.Number})"));

    private sealed class CreatedTables(ISet<string> into) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node) => into.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }
}
