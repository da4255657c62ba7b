using System.Net;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Core.Common;

namespace Dispatch.Api.Tests.Security;

/// <summary>One writer per <see cref="TextLimits"/> maximum: stores a value through the API, returns the status and the value as stored.</summary>
public sealed partial class TextLimitTests
{
    private delegate Task<(HttpStatusCode Status, string? Stored)> Writer(TextLimitTests test, string value);

    private static readonly Dictionary<string, Writer> Writers = new()
    {
        [nameof(TextLimits.ExternalId)] = (t, v) => t.IngestAsync(new { externalId = v, callerNumber = "081234567890", receivedAt = "2026-11-20T14:05:00+07:00" }, "external_id"),
        [nameof(TextLimits.CallerNumber)] = (t, v) => t.IngestAsync(new { externalId = Guid.NewGuid().ToString("n"), callerNumber = v, receivedAt = "2026-11-20T14:05:00+07:00" }, "caller_number"),
        [nameof(TextLimits.Address)] = (t, v) => t.OpenIncidentAsync(new { lat = -0.79, lon = 100.65, triage = "merah", address = v }, "address"),
        [nameof(TextLimits.Complaint)] = (t, v) => t.OpenIncidentAsync(new { lat = -0.79, lon = 100.65, triage = "merah", complaint = v }, "complaint"),
        [nameof(TextLimits.CancelReason)] = (t, v) => t.CancelAssignedAsync(v),
        [nameof(TextLimits.ResponseReason)] = (t, v) => t.ReleaseAssignedAsync(v),
        [nameof(TextLimits.Note)] = (t, v) => t.NoteAsync(v),
        [nameof(TextLimits.CallSign)] = (t, v) => t.AdminAsync("/api/admin/units", new { callSign = v, plate = Tag("P"), type = "bls" }, "SELECT call_sign FROM units WHERE id = @Id"),
        [nameof(TextLimits.Plate)] = (t, v) => t.AdminAsync("/api/admin/units", new { callSign = Tag("C"), plate = v, type = "bls" }, "SELECT plate FROM units WHERE id = @Id"),
        [nameof(TextLimits.StationName)] = (t, v) => t.AdminAsync("/api/admin/stations", new { name = v, kind = "puskesmas", lat = -0.79, lon = 100.65 }, "SELECT name FROM stations WHERE id = @Id"),
        [nameof(TextLimits.DisplayName)] = (t, v) => t.AdminAsync("/api/admin/users", new { username = Tag("u"), displayName = v, role = "healthoffice", password = NewUserPassword },
            "SELECT display_name FROM users WHERE id = @Id"),
        [nameof(TextLimits.UserName)] = (t, v) => t.UserAtWorkAsync(v),
        [nameof(TextLimits.FacilityCode)] = (t, v) => t.FacilityCodeAsync(v),
        [nameof(TextLimits.PatientName)] = (t, v) => t.PatientAsync(new { name = v }, "name"),
        [nameof(TextLimits.Treatment)] = (t, v) => t.PatientAsync(new { treatments = new[] { v } }, "treatments"),
        [nameof(TextLimits.SisruteRef)] = (t, v) => t.PatientAsync(new { sisruteRef = v }, "sisrute_ref"),
        [nameof(TextLimits.ReceivedBy)] = (t, v) => t.PatientAsync(new { receivedBy = v }, "received_by"),
        [nameof(TextLimits.ImportMappingName)] = (t, v) => t.ImportMappingNameAsync(v),
        [nameof(TextLimits.ImportMapping)] = (t, v) => t.ImportMappingAsync(v),
        [nameof(TextLimits.SimulationName)] = (t, v) => t.SimulationNameAsync(v),
        [nameof(TextLimits.SimulationKey)] = (t, v) => t.SimulationKeyAsync(v),
    };

    private static string Tag(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..20];

    private async Task<(HttpStatusCode, string?)> IngestAsync(object body, string column)
    {
        using var telephony = Api.Telephony();
        var status = await SendAsync(telephony, "/api/calls", body);
        return (status, status == HttpStatusCode.Created ? Column<string>($"SELECT {column} FROM calls WHERE id = @Id", new { Id = LastBody.GetProperty("id").GetInt64() }) : null);
    }

    private async Task<(HttpStatusCode, string?)> OpenIncidentAsync(object body, string column)
    {
        using var op = await Api.AsAsync("operator1");
        var callId = await AnsweredCallAsync(op);
        var status = await SendAsync(op, $"/api/calls/{callId}/incident", body);
        return (status, status == HttpStatusCode.Created || status == HttpStatusCode.OK
            ? Column<string>($"SELECT {column} FROM incidents WHERE id = @Id", new { Id = LastBody.GetProperty("id").GetInt64() }) : null);
    }

    /// <summary>
    /// Cancels an incident whose unit was sent: the reason goes to the incident; the unit's
    /// response ends as cancelled.
    /// </summary>
    private async Task<(HttpStatusCode, string?)> CancelAssignedAsync(string reason)
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"limit-{Guid.NewGuid():n}");
        await AssignFirstAsync(op, incidentId);
        var status = await SendAsync(op, $"/api/incidents/{incidentId}/cancel", new { reason });
        if (status != HttpStatusCode.OK) return (status, null);
        var endReason = Column<string>("SELECT end_reason FROM responses WHERE incident_id = @Id", new { Id = incidentId });
        Assert.That(endReason, Is.EqualTo("Cancelled"), "the unit's response ended with the incident");
        return (status, Column<string>("SELECT cancel_reason FROM incidents WHERE id = @Id", new { Id = incidentId }));
    }

    /// <summary>Releases the unit sent to an incident with a reason, kept as the response's end note.</summary>
    private async Task<(HttpStatusCode, string?)> ReleaseAssignedAsync(string reason)
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"limit-{Guid.NewGuid():n}");
        var unitId = await AssignFirstAsync(op, incidentId);
        var status = await SendAsync(op, $"/api/incidents/{incidentId}/responses/{unitId}/release", new { reason });
        return (status, status == HttpStatusCode.OK
            ? Column<string>("SELECT end_note FROM responses WHERE incident_id = @Id AND unit_id = @UnitId", new { Id = incidentId, UnitId = unitId }) : null);
    }

    private async Task<(HttpStatusCode, string?)> NoteAsync(string text)
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"limit-{Guid.NewGuid():n}");
        var status = await SendAsync(op, $"/api/incidents/{incidentId}/notes", new { text });
        return (status, status == HttpStatusCode.OK ? Column<string>("SELECT text FROM incident_notes WHERE id = @Id", new { Id = LastBody.GetProperty("id").GetInt64() }) : null);
    }

    private async Task<(HttpStatusCode, string?)> AdminAsync(string path, object body, string select)
    {
        using var admin = await Api.AsAsync("admin");
        var status = await SendAsync(admin, path, body);
        return (status, status == HttpStatusCode.Created ? Column<string>(select, new { Id = LastBody.GetProperty("id").GetInt64() }) : null);
    }

    /// <summary>
    /// Creates a user with the name, then lets that user answer a call, open an incident and send a
    /// unit: the name lands in every actor column (answered_by, created_by, notified_by, the log's actor).
    /// </summary>
    private async Task<(HttpStatusCode, string?)> UserAtWorkAsync(string userName)
    {
        var (status, stored) = await AdminAsync("/api/admin/users", new { username = userName, displayName = "Operator Uji", role = "operator", password = NewUserPassword },
            "SELECT user_name FROM users WHERE id = @Id");
        if (status != HttpStatusCode.Created) return (status, stored);

        // A user an administrator created chooses their own password before working.
        using var op = await Api.AsAsync(userName, await Api.ChooseOwnPasswordAsync(userName, NewUserPassword));
        var incidentId = await Api.OpenIncidentAsync(op, $"limit-{Guid.NewGuid():n}");
        await AssignFirstAsync(op, incidentId);
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/incidents/{incidentId}/cancel", Json(new { reason = "uji panjang nama" })));
        var args = new { Id = incidentId };
        Assert.Multiple(() =>
        {
            Assert.That(Column<string>("SELECT created_by FROM incidents WHERE id = @Id", args), Is.EqualTo(userName));
            Assert.That(Column<string>("SELECT c.answered_by FROM calls c JOIN incidents i ON i.call_id = c.id WHERE i.id = @Id", args), Is.EqualTo(userName));
            Assert.That(Column<string>("SELECT notified_by FROM responses WHERE incident_id = @Id", args), Is.EqualTo(userName));
            Assert.That(Column<long>("SELECT COUNT(*) FROM incident_log WHERE incident_id = @Id AND actor = @Actor", new { Id = incidentId, Actor = userName }), Is.GreaterThan(0));
        });
        return (status, stored);
    }

    private static System.Net.Http.Json.JsonContent Json(object body) => System.Net.Http.Json.JsonContent.Create(body);

    private static async Task<long> AssignFirstAsync(HttpClient op, long incidentId)
    {
        var candidates = await ApiClient.OkJsonAsync(await op.GetAsync($"/api/incidents/{incidentId}/recommendation"));
        Assert.That(candidates.GetArrayLength(), Is.GreaterThan(0), "a unit is free to send");
        var unitId = candidates[0].GetProperty("unitId").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/incidents/{incidentId}/assign", Json(new { unitId })));
        return unitId;
    }
}
