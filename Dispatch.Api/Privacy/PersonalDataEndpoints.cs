using Dispatch.Api.Audit;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Api.Security;
using Dispatch.Core.Calls;

namespace Dispatch.Api.Privacy;

/// <summary>The person's rights under UU 27/2022: access (export) and erasure, for administrators.</summary>
public static class PersonalDataEndpoints
{
    public const int MaxReason = 500;

    /// <param name="Phone">Every call from this number (normalised as call ingest does) and the incidents they opened or joined.</param>
    /// <param name="IncidentId">The incident and the numbers of all its calls.</param>
    /// <param name="Reason">Why (a request reference, "retention"); recorded in the incident log, so never the person's name.</param>
    public sealed record EraseRequest(string? Phone, long? IncidentId, string? Reason);

    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddSingleton<PersonalDataDesk>();
        services.AddSingleton<IRetentionRule, LoneCallNumbersRule>();
        services.AddSingleton<IRetentionRule, ClosedIncidentsRule>();
        return services;
    }

    public static void MapPersonalData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/personal-data").RequireAuthorization(Policies.Admin).WithTags("Admin");
        group.MapGet("/", Export)
            .Produces<PersonalDataExport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Everything held about a phone number (?phone=) or an incident (?incidentId=), exactly one of them, as one JSON document: " +
                         "the calls, the incidents they opened or joined with responses, notes and the opened log, and generatedAt. 404 for an unknown incident. Recorded in the access log (personal-data.export).");
        group.MapPost("/erase", Erase).Accepts<EraseRequest>("application/json")
            .Produces<ErasureCounts>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Erase the personal data of a phone number or an incident (exactly one) with a reason: numbers, addresses, complaints and note texts are overwritten, " +
                         "coordinates kept to 0.01 degree, sealing keys destroyed (the log reads erased), events deleted; times, triage, units and areas stay for reports. " +
                         "Answers the counts { calls, incidents, notes, events }. 404 when nothing matches; 409 incident-active or call-active while the incident or call is still open.");
    }

    private static async Task<IResult> Export(string? phone, string? incidentId, CurrentUser user, PersonalDataDesk desk, AccessLog access, CancellationToken ct)
    {
        var v = new Validation();
        var (number, id) = Subject(phone, incidentId, v);
        if (v.Problem is { } invalid) return invalid;
        var held = await desk.ExportAsync(number, id, ct);
        // Recorded like every other read: one record per incident and per call without one, so the
        // access log by incident finds the copy handed over.
        await access.RecordAsync(user.Name,
            [
                .. held.Incidents.Select(i => new AccessEntry(AccessActions.PersonalDataExport, IncidentId: i.Incident.Id)),
                .. held.Calls.Where(c => c.Call.IncidentId is null).Select(c => new AccessEntry(AccessActions.PersonalDataExport, CallId: c.Call.Id)),
            ], ct);
        return TypedResults.Ok(held);
    }

    private static Task<IResult> Erase(HttpContext http, CurrentUser user, PersonalDataDesk desk, SecurityEvents security, CancellationToken ct)
    {
        string? number = null;
        long? id = null;
        return RequestBody.HandleAsync<EraseRequest>(http, 4096, r =>
        {
            var v = new Validation();
            (number, id) = Subject(r.Phone, r.IncidentId?.ToString(System.Globalization.CultureInfo.InvariantCulture), v);
            v.Required("reason", r.Reason, MaxReason);
            return v;
        }, async r =>
        {
            var counts = await desk.EraseAsync(number, id, r.Reason!.Trim(), user.Name, ct);
            security.Record(SecurityEventKinds.AdminChange, http, new { method = http.Request.Method, path = http.Request.Path.Value, status = StatusCodes.Status200OK });
            return TypedResults.Ok(counts);
        });
    }

    /// <summary>Exactly one of phone (normalised as ingest stores it) and incidentId; the problem names the field.</summary>
    private static (string? Phone, long? IncidentId) Subject(string? phone, string? incidentId, Validation v)
    {
        var hasPhone = !string.IsNullOrWhiteSpace(phone);
        var hasIncident = !string.IsNullOrWhiteSpace(incidentId);
        if (hasPhone == hasIncident)
        {
            v.Add(hasPhone ? "incidentId" : "phone", "Give exactly one of 'phone' and 'incidentId'.");
            return (null, null);
        }
        if (hasIncident)
        {
            if (!long.TryParse(incidentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
                v.Add("incidentId", "'incidentId' is an incident id.");
            return (null, id);
        }
        v.MaxLength("phone", phone, 100);
        var normalised = CallerNumber.Normalize(phone);
        if (normalised.Flag == CallFlags.NumberWithheld || normalised.Value is null)
        {
            v.Add("phone", "'phone' is a telephone number.");
            return (null, null);
        }
        return (normalised.Value, null);
    }
}
