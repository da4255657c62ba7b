using System.Text;
using Dapper;
using Dispatch.Api.Database;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

/// <summary>What an operator searches by; every part given must match. Phone is already normalised.</summary>
public sealed record SearchCriteria(string? Phone, IReadOnlyList<string> Words, DateTimeOffset? From, DateTimeOffset? To, int Page);

/// <summary>One incident found: enough for an operator to recognise it and open it.</summary>
public sealed record IncidentSearchItem(
    long Id,
    IncidentStatus Status,
    Triage? Triage,
    DateTimeOffset? CallReceivedAt,
    DateTimeOffset? CreatedAt,
    string? Address,
    string? Complaint,
    string? Kelurahan,
    IReadOnlyList<string> CallerNumbers);

/// <summary>One page of results, newest call first; <see cref="HasMore"/>: page + 1 holds more.</summary>
public sealed record IncidentSearchPage(IReadOnlyList<IncidentSearchItem> Items, int Page, int PageSize, bool HasMore);

/// <summary>
/// Finds incidents, active and closed, by a caller number (any call attached to the incident), by
/// words of the address, complaint or a patient's SISRUTE reference, and by the time the call came in. The SQL is one statement
/// per shape of the question (with or without a number, a range, and 0 to <see cref="MaxWords"/>
/// words), so each keeps a plan that uses its index: the number through ix_calls_caller_number,
/// the range and the order through ix_incidents_call_received.
/// </summary>
public sealed class IncidentSearch(Db db)
{
    public const int PageSize = 20, MaxWords = 5, MaxPage = 500;

    // Index: phone (0/1) * 2 + range (0/1), then the number of words.
    private static readonly SqlText[][] Statements = BuildStatements();

    private static readonly SqlText CallerNumbers = SqlText.Of("IncidentSearch.CallerNumbers", d =>
        "SELECT c.incident_id, c.caller_number FROM calls c " +
        $"WHERE {d.InList("c.incident_id", "@Ids")} AND c.caller_number IS NOT NULL ORDER BY c.received_at, c.id");

    /// <summary>The statement that answers a question of this shape (tests read its plan).</summary>
    public static SqlText Statement(bool phone, bool range, int words) => Statements[(phone ? 2 : 0) + (range ? 1 : 0)][words];

    public Task<IncidentSearchPage> FindAsync(SearchCriteria criteria, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var args = Arguments(criteria);
            var sql = Statement(criteria.Phone is not null, criteria.From is not null || criteria.To is not null, criteria.Words.Count);
            // One more than a page tells whether another follows.
            var rows = (await s.QueryAsync<Row>(sql, args)).ToList();
            var page = rows.Take(PageSize).ToList();
            IEnumerable<NumberRow> numberRows = page.Count == 0 ? [] : await s.QueryAsync<NumberRow>(CallerNumbers, new { Ids = page.Select(r => r.Id).ToArray() });
            var numbers = numberRows.ToLookup(n => n.IncidentId, n => n.CallerNumber);
            var items = page.Select(r => new IncidentSearchItem(r.Id, r.Status, r.Triage, r.CallReceivedAt, r.CreatedAt, r.Address, r.Complaint,
                r.KelurahanName, numbers[r.Id].Distinct(StringComparer.Ordinal).ToList())).ToList();
            return new IncidentSearchPage(items, criteria.Page, PageSize, rows.Count > PageSize);
        }, ct);

    /// <summary>
    /// A LIKE pattern that matches <paramref name="word"/> anywhere, lower-cased, with the
    /// characters LIKE would read as wildcards (and the escape itself) escaped with a backslash.
    /// <c>[</c> is one in SQL Server; SQLite and PostgreSQL read an escaped <c>[</c> as itself.
    /// </summary>
    public static string Contains(string word)
    {
        var pattern = new StringBuilder("%");
        foreach (var c in word.ToLowerInvariant())
        {
            if (c is '\\' or '%' or '_' or '[') pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.Append('%').ToString();
    }

    private static SqlText[][] BuildStatements()
    {
        var all = new SqlText[4][];
        foreach (var phone in new[] { false, true })
        {
            foreach (var range in new[] { false, true })
            {
                var shape = (phone ? 2 : 0) + (range ? 1 : 0);
                all[shape] = new SqlText[MaxWords + 1];
                for (var words = 0; words <= MaxWords; words++)
                {
                    var where = new List<string>();
                    if (phone) where.Add("i.id IN (SELECT c.incident_id FROM calls c WHERE c.caller_number = @Phone)");
                    if (range) where.Add("i.call_received_at >= @From AND i.call_received_at < @To");
                    for (var w = 0; w < words; w++)
                        where.Add($"(LOWER(i.address) LIKE @Word{w} ESCAPE '\\' OR LOWER(i.complaint) LIKE @Word{w} ESCAPE '\\' " +
                            // A patient's SISRUTE referral reference finds its incident (issue 15).
                            $"OR EXISTS (SELECT 1 FROM patients p WHERE p.incident_id = i.id AND LOWER(p.sisrute_ref) LIKE @Word{w} ESCAPE '\\'))");
                    var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
                    all[shape][words] = SqlText.Of($"IncidentSearch.Find{(phone ? "ByPhone" : "")}{(range ? "InRange" : "")}Words{words}", d =>
                        "SELECT i.id, i.status, i.triage, i.call_received_at, i.created_at, i.address, i.complaint, i.kelurahan_name " +
                        $"FROM incidents i{filter} ORDER BY i.call_received_at DESC, i.id DESC" + d.Page("@Skip", "@Take"));
                }
            }
        }
        return all;
    }

    private static DynamicParameters Arguments(SearchCriteria c)
    {
        var p = new DynamicParameters();
        if (c.Phone is not null) p.Add("Phone", c.Phone);
        if (c.From is not null || c.To is not null)
        {
            p.Add("From", c.From?.ToUnixTimeMilliseconds() ?? long.MinValue);
            p.Add("To", c.To?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        }
        for (var w = 0; w < c.Words.Count; w++) p.Add($"Word{w}", Contains(c.Words[w]));
        p.Add("Skip", (c.Page - 1) * PageSize);
        p.Add("Take", PageSize + 1);
        return p;
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public IncidentStatus Status { get; init; }
        public Triage? Triage { get; init; }
        public DateTimeOffset? CallReceivedAt { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public string? Address { get; init; }
        public string? Complaint { get; init; }
        public string? KelurahanName { get; init; }
    }

    private sealed class NumberRow
    {
        public long IncidentId { get; init; }
        public string CallerNumber { get; init; } = "";
    }
}
