using Dispatch.Api.Database;
using Dispatch.Api.Reports;

namespace Dispatch.Api.Protocols;

/// <summary>
/// How often the chosen triage differs from the card's suggestion, per card. A use is an incident
/// on which the card was run in the period; its suggestion is the card's latest on that incident,
/// the chosen triage the incident's own (the operator's choice, final once closed).
/// </summary>
public sealed class ProtocolReport(Db db)
{
    public sealed record CardLine(string CardId, long Uses, long Differing, double DifferingPercent);

    private static readonly SqlText PerCard = SqlText.Of("ProtocolReport.PerCard",
        "SELECT u.card_id AS CardId, COUNT(*) AS Uses, SUM(CASE WHEN u.suggested_triage <> i.triage THEN 1 ELSE 0 END) AS Differing " +
        "FROM protocol_uses u JOIN incidents i ON i.id = u.incident_id " +
        "WHERE u.id IN (SELECT MAX(l.id) FROM protocol_uses l WHERE l.at >= @FromMs AND l.at < @ToMs GROUP BY l.incident_id, l.card_id) " +
        "GROUP BY u.card_id ORDER BY u.card_id");

    private sealed class Row
    {
        public string CardId { get; init; } = "";
        public long Uses { get; init; }
        public long Differing { get; init; }
    }

    public Task<IReadOnlyList<CardLine>> ForAsync(ReportFilter filter, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<CardLine>>(async s => (await s.QueryAsync<Row>(PerCard, new { filter.FromMs, filter.ToMs }))
            .Select(r => new CardLine(r.CardId, r.Uses, r.Differing, r.Uses == 0 ? 0 : Math.Round(100.0 * r.Differing / r.Uses, 1)))
            .ToList(), ct);
}
