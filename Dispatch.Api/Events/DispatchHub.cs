using Dispatch.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Api.Events;

/// <summary>
/// Thin and push-only: on connect each user joins the groups their role may hear (operators, or
/// their own unit's crew). Writes go through the HTTP API; events are pushed after commit.
/// </summary>
[Authorize(Policy = Policies.EventListener)]
public sealed class DispatchHub(HubSessions sessions) : Hub<IDispatchClient>
{
    public const string Path = "/hubs/dispatch";

    public override async Task OnConnectedAsync()
    {
        var user = CurrentUser.From(Context.User);
        foreach (var group in AudiencesOf(user))
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        // Only now: a connection whose joins failed (e.g. Redis away) never gets OnDisconnectedAsync.
        sessions.Opened(Context, user);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The audiences a user may hear, for the hub and for the missed-events feed.</summary>
    public static IEnumerable<string> AudiencesOf(CurrentUser user)
    {
        if (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin)) yield return Audiences.Operators;
        if (user.IsInRole(Roles.Crew) && user.UnitId is { } unit) { yield return Audiences.Unit(unit); yield return Audiences.Crews; }
        if (user.IsInRole(Roles.Facility) && user.FacilityId is { } facility) yield return Audiences.Facility(facility);
    }
}
