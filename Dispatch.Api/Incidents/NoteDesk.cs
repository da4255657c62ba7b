using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Core.Common;

namespace Dispatch.Api.Incidents;

/// <summary>A note on an incident: who wrote it (an operator, or the crew of a unit on it), when, and the text.</summary>
public sealed record NoteView(long Id, long IncidentId, DateTimeOffset At, string Author, long? UnitId, string? CallSign, string Text);

/// <summary>
/// Append-only notes on an incident, by operators and by the crews sent to it. A crew member reads
/// and writes the notes of incidents their unit is on, or was sent to since the member was bound to
/// the unit, and no others.
/// </summary>
public sealed class NoteDesk(Db db, IncidentStore incidents)
{
    private static readonly SqlText Insert = SqlText.Of("NoteDesk.Insert", d => d.InsertReturning("incident_notes",
        "incident_id, at, author, unit_id, text", "@IncidentId, @At, @Author, @UnitId, @Text"));

    private static readonly SqlText ForIncident = SqlText.Of("NoteDesk.ForIncident",
        "SELECT n.id, n.incident_id, n.at, n.author, n.unit_id, u.call_sign, n.text FROM incident_notes n " +
        "LEFT JOIN units u ON u.id = n.unit_id WHERE n.incident_id = @IncidentId ORDER BY n.id");

    public Task<NoteView> AddAsync(long incidentId, string text, CurrentUser user, CancellationToken ct) =>
        db.WriteAsync(user.Name, async s =>
        {
            TextLimits.Ensure("text", text, TextLimits.Note);
            var incident = await incidents.GetAsync(s, incidentId);
            var unitId = await EnsureMayAccessAsync(s, incidentId, user);
            var id = await s.InsertAsync(Insert, new { IncidentId = incidentId, At = s.Now, Author = user.Name, UnitId = unitId, Text = text });
            var note = (await ReadAsync(s, incidentId)).Single(n => n.Id == id);
            // The log records that a note was written and by whom; the text stays in one place.
            s.Log("incident.note", incident.CallId, incidentId, unitId, new { noteId = id });
            s.Emit(EventTypes.NoteAdded, Audiences.Operators, note, incidentId);
            foreach (var r in incident.Responses.Where(r => r.IsActive))
                s.Emit(EventTypes.NoteAdded, Audiences.Unit(r.UnitId), note, incidentId);
            return note;
        }, ct);

    public Task<IReadOnlyList<NoteView>> ListAsync(long incidentId, CurrentUser user, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<NoteView>>(async s =>
        {
            await incidents.GetAsync(s, incidentId); // 404 for an unknown incident
            await EnsureMayAccessAsync(s, incidentId, user);
            return await ReadAsync(s, incidentId);
        }, ct);

    internal static async Task<IReadOnlyList<NoteView>> ReadAsync(DbSession s, long incidentId) =>
        (await s.QueryAsync<Row>(ForIncident, new { IncidentId = incidentId }))
            .Select(r => new NoteView(r.Id, r.IncidentId, r.At, r.Author, r.UnitId, r.CallSign, r.Text)).ToList();

    private sealed class Row
    {
        public long Id { get; init; }
        public long IncidentId { get; init; }
        public DateTimeOffset At { get; init; }
        public string Author { get; init; } = "";
        public long? UnitId { get; init; }
        public string? CallSign { get; init; }
        public string Text { get; init; } = "";
    }

    private static Task<long?> EnsureMayAccessAsync(DbSession s, long incidentId, CurrentUser user) =>
        CrewAccess.EnsureAsync(s, incidentId, user, "Crews read and write the notes of their own unit's incidents only, from the time they joined the unit.");
}
