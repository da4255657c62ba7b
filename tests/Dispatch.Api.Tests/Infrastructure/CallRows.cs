using System.Data;
using Dapper;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>What "no partial rows" means for an ingested call: its row, its log entry and its event, all or none.</summary>
public static class CallRows
{
    public static long WithoutLogEntry(IDbConnection db) => db.ExecuteScalar<long>(
        "SELECT COUNT(*) FROM calls c WHERE NOT EXISTS (SELECT 1 FROM incident_log l WHERE l.call_id = c.id AND l.action = 'call.received')");

    /// <summary>Calls minus CallReceived events: zero when each stored call has exactly its one event.</summary>
    public static long WithoutEvent(IDbConnection db) =>
        db.ExecuteScalar<long>("SELECT COUNT(*) FROM calls") - db.ExecuteScalar<long>("SELECT COUNT(*) FROM events WHERE type = 'CallReceived'");
}
