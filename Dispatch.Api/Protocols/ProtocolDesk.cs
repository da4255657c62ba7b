using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Api.Database;
using Dispatch.Api.Incidents;
using Dispatch.Core.Common;
using Dispatch.Core.Protocols;

namespace Dispatch.Api.Protocols;

/// <summary>
/// Running a card on an incident (the suggestion is recorded, never applied: the operator sets the
/// triage through the incident change), recording each instruction read to the caller, and the
/// administrators' edits of the cards.
/// </summary>
public sealed class ProtocolDesk(Db db, ProtocolStore store, ProtocolCatalog catalog, IncidentStore incidents)
{
    /// <summary>Thrown for a request the card refuses; the endpoint answers 400 naming the field.</summary>
    public sealed class Invalid(IReadOnlyList<(string Field, string Problem)> errors) : Exception("invalid")
    {
        public IResult Problem => TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Problem).ToArray()),
            title: "The request is not valid.");
    }

    public async Task<ProtocolCard> CardAsync(string id, CancellationToken ct) =>
        (await catalog.CurrentAsync(ct)).Find(id) ?? throw new NotFound($"Protocol card '{id}'");

    public async Task<ProtocolResult> RunAsync(long incidentId, ProtocolRequest r, string actor, CancellationToken ct)
    {
        var card = await InUseAsync(r.CardId!, ct);
        var answers = ProtocolAnswers.Check(card, r.Answers);
        if (answers.Errors.Count > 0) throw new Invalid(answers.Errors);
        var advice = card.Advise(answers.Answers);
        return await db.WriteAsync(actor, async s =>
        {
            var incident = await ActiveIncidentAsync(s, incidentId);
            await store.AddUseAsync(s, incidentId, card.Id, card.Version, advice.SuggestedTriage);
            // The answers are health data: "answers" is sealed under the incident's key (PersonalFields).
            s.Log("protocol.used", incidentId: incidentId, details: new
            {
                cardId = card.Id, cardVersion = card.Version, answers = answers.Answers,
                suggestedTriage = advice.SuggestedTriage, ruleIndex = advice.RuleIndex, triageAtTheTime = incident.Triage,
            });
            return new ProtocolResult(card.Id, card.Version, advice.SuggestedTriage, incident.Triage, advice.RuleIndex,
                advice.Instructions, advice.Metronome, advice.Sample);
        }, ct);
    }

    public async Task<object> InstructionGivenAsync(long incidentId, InstructionGivenRequest r, string actor, CancellationToken ct)
    {
        var card = await InUseAsync(r.CardId!, ct);
        var steps = card.InstructionsAfter(r.RuleIndex) ?? throw new Invalid([("ruleIndex", $"Card '{card.Id}' has no rule {r.RuleIndex}.")]);
        if (r.Step >= steps.Count) throw new Invalid([("step", $"Card '{card.Id}' gives {steps.Count} instructions here (0 to {steps.Count - 1}).")]);
        return await db.WriteAsync(actor, async s =>
        {
            var incident = await ActiveIncidentAsync(s, incidentId);
            s.Log("protocol.instruction", incidentId: incidentId, details: new { cardId = card.Id, cardVersion = card.Version, ruleIndex = r.RuleIndex, step = r.Step, of = steps.Count });
            return new { cardId = card.Id, cardVersion = card.Version, step = r.Step!.Value, at = s.Now };
        }, ct);
    }

    private async Task<ProtocolCard> InUseAsync(string cardId, CancellationToken ct) =>
        (await catalog.CurrentAsync(ct)).Find(cardId) ?? throw new Invalid([("cardId", $"There is no protocol card '{cardId}'.")]);

    // A card is run, and its instructions read, while the incident is live only.
    private async Task<Core.Incidents.Incident> ActiveIncidentAsync(DbSession s, long incidentId)
    {
        var incident = await incidents.GetAsync(s, incidentId);
        return incident.IsActive ? incident : throw new RuleViolation("incident-inactive", $"Incident {incidentId} is closed or cancelled.");
    }

    public async Task<CardAdminList> ListVersionsAsync(CancellationToken ct)
    {
        var current = await catalog.CurrentAsync(ct);
        var rows = await db.ReadAsync(store.AllAsync, ct);
        var cards = rows.GroupBy(r => r.CardId).Select(g => new CardAdminView(g.Key, g.Select(row =>
        {
            string? problem = null;
            try { ProtocolCatalog.Read(row); } catch (CardInvalid e) { problem = e.Message; }
            return new CardVersionView(row.Version, row.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.ChangedAt),
                current.Find(row.CardId)?.Version == row.Version, problem, JsonDocument.Parse(row.Json).RootElement.Clone());
        }).ToList())).ToList();
        return new CardAdminList(cards, catalog.Problems);
    }

    /// <summary>Stores the edited card as the next version, only if it validates (else 400 naming card and field).</summary>
    public async Task<ProtocolCard> EditAsync(string cardId, JsonObject node, string admin, CancellationToken ct)
    {
        if (node["id"]?.GetValueKind() == JsonValueKind.String && (string?)node["id"] != cardId)
            throw new Invalid([("id", $"The card's id must be '{cardId}', as in the address.")]);
        return await SaveVersionAsync(cardId, node, admin, "admin.protocol.changed", ct);
    }

    public async Task<ProtocolCard> RevertAsync(string cardId, int version, string admin, CancellationToken ct)
    {
        var row = (await db.ReadAsync(store.AllAsync, ct)).FirstOrDefault(r => r.CardId == cardId && r.Version == version)
            ?? throw new NotFound($"Version {version} of protocol card '{cardId}'");
        return await SaveVersionAsync(cardId, JsonNode.Parse(row.Json)!.AsObject(), admin, "admin.protocol.reverted", ct, version);
    }

    private async Task<ProtocolCard> SaveVersionAsync(string cardId, JsonObject node, string admin, string action, CancellationToken ct, int? from = null)
    {
        var card = await db.WriteAsync(admin, async s =>
        {
            var next = (await store.AllAsync(s)).Where(r => r.CardId == cardId).Select(r => r.Version).DefaultIfEmpty(0).Max() + 1;
            node["id"] = cardId;
            node["version"] = next;
            var json = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            ProtocolCard parsed;
            try { parsed = CardParser.Parse($"edit of {cardId}", json); }
            catch (CardInvalid e) { throw new Invalid([(e.Field, e.Message)]); }
            await store.AddAsync(s, cardId, next, json);
            s.Log(action, details: new { cardId, version = next, revertedFrom = from, approval = parsed.Approval.Status, approvedBy = parsed.Approval.ApprovedBy });
            return parsed;
        }, ct);
        await catalog.CurrentAsync(ct);
        return card;
    }
}
