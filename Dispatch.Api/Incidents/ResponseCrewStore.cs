using Dispatch.Api.Database;

namespace Dispatch.Api.Incidents;

/// <summary>
/// Who went on each response (the national report's crew): the crew members bound to the unit when
/// it was sent, and any crew member who acts on the response later from the unit's phone. Names
/// are kept as they were then.
/// </summary>
public sealed class ResponseCrewStore
{
    private static readonly SqlText BoundCrew = SqlText.Of("ResponseCrewStore.BoundCrew",
        "INSERT INTO response_crew (response_id, user_name, display_name, joined_at) " +
        "SELECT @ResponseId, u.user_name, u.display_name, @At FROM users u WHERE u.unit_id = @UnitId AND u.role = 'crew' AND u.disabled = @Disabled");

    // A tap and its replay may both arrive at once: the second keeps the first one's row.
    private static readonly SqlText Acting = SqlText.Of("ResponseCrewStore.Acting", d =>
        "INSERT INTO response_crew (response_id, user_name, display_name, joined_at) " +
        "SELECT r.id, u.user_name, u.display_name, @At FROM responses r JOIN users u ON u.user_name = @UserName AND u.role = 'crew' " +
        "WHERE r.unit_id = @UnitId AND r.ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM response_crew c" +
        (d.Name == "sqlserver"
            ? " WITH (UPDLOCK, HOLDLOCK) WHERE c.response_id = r.id AND c.user_name = u.user_name)"
            : " WHERE c.response_id = r.id AND c.user_name = u.user_name) ON CONFLICT (response_id, user_name) DO NOTHING"));

    /// <summary>A new response: the crew members bound to its unit go with it.</summary>
    public Task SentAsync(DbSession s, long responseId, long unitId, DateTimeOffset at) =>
        s.ExecuteAsync(BoundCrew, new { ResponseId = responseId, UnitId = unitId, At = at, Disabled = false });

    /// <summary>A crew member acts on the unit's active response: they are on it (once), even if bound after it was sent.</summary>
    public Task ActingAsync(DbSession s, long unitId, string userName) =>
        s.ExecuteAsync(Acting, new { UnitId = unitId, UserName = userName, At = s.Now });
}
