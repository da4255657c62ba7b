using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Core.Common;

namespace Dispatch.Api.Incidents;

/// <summary>
/// What a crew member may reach of an incident: operators and admins see every incident; a crew
/// member those their unit is on, or was sent to since the member was bound to the unit (so the
/// record of a finished response can still be completed), and no others (403 own-unit-only). A
/// unit that declined never went: its crew reaches nothing of that incident.
/// </summary>
public static class CrewAccess
{
    // A response of the crew's unit that is still active, or that began once this user was bound to
    // the unit: a crew member never reads what the unit did before they joined it.
    private static readonly SqlText UnitWasSent = SqlText.Of("CrewAccess.UnitWasSent",
        "SELECT COUNT(*) FROM responses r JOIN users u ON u.unit_id = r.unit_id WHERE r.incident_id = @IncidentId AND r.unit_id = @UnitId " +
        "AND u.user_name = @UserName AND (r.end_reason IS NULL OR r.end_reason <> 'Declined') " +
        "AND (r.ended_at IS NULL OR r.notified_at >= COALESCE(u.unit_bound_at, 0))");

    /// <summary>Returns the crew's unit (null for operators); throws <see cref="Forbidden"/> with <paramref name="refusal"/> otherwise.</summary>
    public static async Task<long?> EnsureAsync(DbSession s, long incidentId, CurrentUser user, string refusal)
    {
        if (!user.IsInRole(Roles.Crew)) return null;
        if (user.UnitId is { } unit && await s.SingleOrDefaultAsync<long>(UnitWasSent, new { IncidentId = incidentId, UnitId = unit, UserName = user.Name }) > 0) return unit;
        throw new Forbidden(refusal);
    }
}
