namespace Dispatch.Api.Tests.Security;

/// <summary>
/// The documented access matrix: which roles may call each endpoint. Anything not listed for a
/// role must answer 403 to it, and 401 without a login. A new endpoint must be added here (a
/// test walks the app's endpoints and fails on any that is missing).
/// </summary>
public static class AccessMatrix
{
    public const string Anonymous = "anonymous";
    public static readonly string[] Users = ["operator1", "crew1", "dinkes1", "admin", "rs1"];
    public static readonly Dictionary<string, string> RoleOf = new()
    {
        ["operator1"] = "operator", ["crew1"] = "crew", ["dinkes1"] = "healthoffice", ["admin"] = "admin", ["rs1"] = "facility",
    };

    public sealed record Entry(string Method, string Template, string Sample, params string[] Roles)
    {
        public override string ToString() => $"{Method} {Template}";
    }

    // Crew routes use unit 1, crew1's own unit; another unit is covered by the crew isolation tests.
    public static readonly Entry[] Entries =
    [
        new("GET", "/", "/", Anonymous),
        new("GET", "/login", "/login", Anonymous),
        new("GET", "/crew", "/crew", Anonymous),
        new("GET", "/admin", "/admin", Anonymous),
        new("GET", "/reports", "/reports", Anonymous),
        new("GET", "/planning", "/planning", Anonymous),
        new("GET", "/facility", "/facility", Anonymous),
        new("GET", "/planning", "/planning", Anonymous),
        new("GET", "/api/planning/setup", "/api/planning/setup", "healthoffice", "admin"),
        new("GET", "/api/config", "/api/config", Anonymous),
        new("GET", "/api/areas/kelurahan", "/api/areas/kelurahan", "operator", "crew", "healthoffice", "admin", "facility"),
        new("GET", "/api/auth/antiforgery", "/api/auth/antiforgery", "operator", "crew", "healthoffice", "admin", "facility"),
        new("GET", "/api/calls/{id:long}/duplicates", "/api/calls/999999/duplicates", "operator", "admin"),
        new("GET", "/api/events/last", "/api/events/last", "operator", "crew", "admin", "facility"),
        new("GET", "/api/units/{unitId:long}/", "/api/units/1", "crew"),
        new("GET", "/api/reports/response-times", "/api/reports/response-times?from=2025-01-01&to=2025-01-31", "healthoffice", "admin"),
        new("GET", "/api/reports/setup", "/api/reports/setup", "healthoffice", "admin"),
        new("GET", "/api/planning/coverage", "/api/planning/coverage?from=2025-01-01&to=2025-01-31", "healthoffice", "admin"),
        new("POST", "/api/planning/placement", "/api/planning/placement", "healthoffice", "admin"),
        new("GET", "/api/planning/calibration", "/api/planning/calibration?from=2025-01-01&to=2025-01-31", "healthoffice", "admin"),
        new("POST", "/api/planning/calibration", "/api/planning/calibration", "healthoffice", "admin"),
        new("DELETE", "/api/planning/calibration", "/api/planning/calibration", "healthoffice", "admin"),
        new("GET", "/api/exports/incidents.csv", "/api/exports/incidents.csv?from=2025-01-01&to=2025-01-31", "healthoffice", "admin"),
        new("GET", "/api/exports/responses.csv", "/api/exports/responses.csv?from=2025-01-01&to=2025-01-31", "healthoffice", "admin"),
        new("GET", "/api/exports/kemenkes", "/api/exports/kemenkes?from=2025-01-01&to=2025-01-31", "healthoffice", "admin"),
        new("POST", "/api/imports/incidents", "/api/imports/incidents", "healthoffice", "admin"),
        new("GET", "/api/imports/incidents/jobs/{id:guid}", "/api/imports/incidents/jobs/00000000-0000-0000-0000-000000000000", "healthoffice", "admin"),
        new("GET", "/api/imports/mappings", "/api/imports/mappings", "healthoffice", "admin"),
        new("PUT", "/api/imports/mappings/{name}", "/api/imports/mappings/no-such-mapping", "healthoffice", "admin"),
        new("DELETE", "/api/imports/mappings/{name}", "/api/imports/mappings/no-such-mapping", "healthoffice", "admin"),
        new("POST", "/api/admin/units", "/api/admin/units", "admin"),
        new("PUT", "/api/admin/units/{id:long}", "/api/admin/units/999999", "admin"),
        new("POST", "/api/admin/stations", "/api/admin/stations", "admin"),
        new("PUT", "/api/admin/stations/{id:long}", "/api/admin/stations/999999", "admin"),
        new("GET", "/api/admin/users", "/api/admin/users", "admin"),
        new("POST", "/api/admin/users", "/api/admin/users", "admin"),
        new("PUT", "/api/admin/users/{id:long}", "/api/admin/users/999999", "admin"),
        new("POST", "/api/admin/users/{id:long}/password", "/api/admin/users/999999/password", "admin"),
        new("GET", "/api/admin/security-events", "/api/admin/security-events", "admin"),
        new("GET", "/api/admin/personal-data/", "/api/admin/personal-data?incidentId=999999", "admin"),
        new("POST", "/api/admin/personal-data/erase", "/api/admin/personal-data/erase", "admin"),
        new("GET", "/api/admin/access-log", "/api/admin/access-log?user=operator1", "admin"),
        new("GET", "/api/admin/log-integrity", "/api/admin/log-integrity", "admin"),
        new("GET", "/api/protocols/", "/api/protocols", "operator", "admin"),
        new("GET", "/api/protocols/{id}", "/api/protocols/no-such-card", "operator", "admin"),
        new("POST", "/api/incidents/{id:long}/protocol/", "/api/incidents/999999/protocol", "operator", "admin"),
        new("POST", "/api/incidents/{id:long}/protocol/instructions", "/api/incidents/999999/protocol/instructions", "operator", "admin"),
        new("GET", "/api/admin/protocols/", "/api/admin/protocols", "admin"),
        new("PUT", "/api/admin/protocols/{id}", "/api/admin/protocols/no-such-card", "admin"),
        new("POST", "/api/admin/protocols/{id}/revert", "/api/admin/protocols/no-such-card/revert", "admin"),
        new("GET", "/api/reports/protocol-triage", "/api/reports/protocol-triage?from=2025-01-01&to=2025-01-31", "healthoffice", "admin"),
        new("POST", "/api/planning/simulations", "/api/planning/simulations", "healthoffice", "admin"),
        new("GET", "/api/planning/simulations", "/api/planning/simulations", "healthoffice", "admin"),
        new("GET", "/api/planning/simulations/{id}", "/api/planning/simulations/00000000-0000-0000-0000-000000000000", "healthoffice", "admin"),
        new("GET", "/health", "/health", Anonymous),
        new("GET", "/health/details", "/health/details", "admin"),
        // Mapped only with Telemetry:Prometheus:Enabled (AccessMatrixTests enables it); the default role.
        new("GET", "/metrics", "/metrics", "admin"),
        // Anonymous in Development (where this matrix runs); any signed-in user elsewhere (ProductionAppTests).
        new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Anonymous),
        new("POST", "/api/auth/login", "/api/auth/login", Anonymous),
        new("POST", "/api/auth/logout", "/api/auth/logout", "operator", "crew", "healthoffice", "admin", "facility"),
        new("GET", "/api/auth/me", "/api/auth/me", "operator", "crew", "healthoffice", "admin", "facility"),
        new("POST", "/api/auth/password", "/api/auth/password", "operator", "crew", "healthoffice", "admin", "facility"),
        new("POST", "/api/auth/totp/setup", "/api/auth/totp/setup", "healthoffice", "admin"),
        new("POST", "/api/auth/totp/enable", "/api/auth/totp/enable", "healthoffice", "admin"),
        new("POST", "/api/auth/totp/disable", "/api/auth/totp/disable", "healthoffice", "admin"),
        new("POST", "/api/calls", "/api/calls", "telephony"),
        new("GET", "/api/calls/", "/api/calls", "operator", "admin"),
        new("GET", "/api/calls/{id:long}", "/api/calls/999999", "operator", "admin"),
        new("POST", "/api/calls/{id:long}/answer", "/api/calls/999999/answer", "operator", "admin"),
        new("POST", "/api/calls/{id:long}/takeover", "/api/calls/999999/takeover", "operator", "admin"),
        new("POST", "/api/calls/{id:long}/close", "/api/calls/999999/close", "operator", "admin"),
        new("POST", "/api/calls/{id:long}/attach", "/api/calls/999999/attach", "operator", "admin"),
        new("POST", "/api/calls/{id:long}/incident", "/api/calls/999999/incident", "operator", "admin"),
        new("GET", "/api/incidents/", "/api/incidents", "operator", "admin"),
        new("GET", "/api/incidents/{id:long}", "/api/incidents/999999", "operator", "admin"),
        new("GET", "/api/incidents/{id:long}/log", "/api/incidents/999999/log", "operator", "admin"),
        new("GET", "/api/incidents/{id:long}/recommendation", "/api/incidents/999999/recommendation", "operator", "admin"),
        new("POST", "/api/incidents/{id:long}/assign", "/api/incidents/999999/assign", "operator", "admin"),
        new("POST", "/api/incidents/{id:long}/cancel", "/api/incidents/999999/cancel", "operator", "admin"),
        new("POST", "/api/incidents/{id:long}/close", "/api/incidents/999999/close", "operator", "admin"),
        new("GET", "/api/incidents/search", "/api/incidents/search?phone=081299999999", "operator", "admin"),
        new("PATCH", "/api/incidents/{id:long}", "/api/incidents/999999", "operator", "admin"),
        new("POST", "/api/incidents/{id:long}/responses/{unitId:long}/release", "/api/incidents/999999/responses/1/release", "operator", "admin"),
        new("POST", "/api/incidents/{id:long}/responses/{unitId:long}/status", "/api/incidents/999999/responses/1/status", "operator", "admin"),
        // Crews too, for the incidents their unit was sent to (NotesTests: others 403 own-unit-only).
        new("GET", "/api/incidents/{id:long}/notes/", "/api/incidents/999999/notes", "operator", "crew", "admin"),
        new("POST", "/api/incidents/{id:long}/notes/", "/api/incidents/999999/notes", "operator", "crew", "admin"),
        // Patients (issue 15): crews for their unit's incidents only (PatientApiTests: others 403 own-unit-only).
        new("GET", "/api/incidents/{id:long}/patients/", "/api/incidents/999999/patients", "operator", "crew", "admin"),
        new("POST", "/api/incidents/{id:long}/patients/", "/api/incidents/999999/patients", "operator", "crew", "admin"),
        new("PUT", "/api/incidents/{id:long}/patients/{patientId}", "/api/incidents/999999/patients/p1", "operator", "crew", "admin"),
        new("POST", "/api/incidents/{id:long}/patients/{patientId}/observations", "/api/incidents/999999/patients/p1/observations", "operator", "crew", "admin"),
        new("GET", "/api/icd10", "/api/icd10?q=S72", "operator", "crew", "admin"),
        new("GET", "/api/units", "/api/units", "operator", "admin"),
        new("GET", "/api/facilities", "/api/facilities", "operator", "crew", "admin", "facility"),
        new("GET", "/api/units/{unitId:long}/assignment", "/api/units/1/assignment", "crew"),
        new("POST", "/api/units/{unitId:long}/acknowledge", "/api/units/1/acknowledge", "crew"),
        new("POST", "/api/units/{unitId:long}/status", "/api/units/1/status", "crew"),
        new("POST", "/api/units/{unitId:long}/decline", "/api/units/1/decline", "crew"),
        new("POST", "/api/units/{unitId:long}/position", "/api/units/1/position", "crew"),
        new("GET", "/api/events", "/api/events?after=0", "operator", "crew", "admin", "facility"),
        new("GET", "/api/routing/eta", "/api/routing/eta?from=-0.79,100.65&to=-0.78,100.66", "operator", "admin"),
        new("GET", "/api/routing/status", "/api/routing/status", "operator", "admin"),
        new("GET", "/api/incidents/{id:long}/route", "/api/incidents/999999/route", "operator", "admin"),
        new("GET", "/api/units/{unitId:long}/route", "/api/units/1/route", "crew"),
        // Facility 5 is the sample hospital, rs1's own; another facility is covered by PreNotificationTests and AvailabilityTests.
        new("PUT", "/api/facilities/{id:long}/availability", "/api/facilities/5/availability", "facility", "admin"),
        new("GET", "/api/facilities/{id:long}/prenotifications", "/api/facilities/5/prenotifications", "facility", "operator", "admin"),
        new("POST", "/api/facilities/{id:long}/prenotifications/{responseId:long}/acknowledge", "/api/facilities/5/prenotifications/999999/acknowledge", "facility"),
        new("GET", "/api/units/{unitId:long}/destinations", "/api/units/1/destinations", "crew"),
        new("POST", "/api/admin/facilities/import", "/api/admin/facilities/import", "admin"),
        new("POST", "/hubs/dispatch/negotiate", "/hubs/dispatch/negotiate?negotiateVersion=1", "operator", "crew", "admin", "facility"),
    ];
}
