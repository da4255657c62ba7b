using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Units;
using Dispatch.Core.Units;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Admin;

/// <summary>Administration of units, stations/facilities and users; every change is in the log with who and when.</summary>
public sealed class AdminDesk(Db db, UnitStore units, StationStore stations, UserStore users, SessionGuard sessions)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public Task<UnitView> AddUnitAsync(UnitRequest r, string admin, CancellationToken ct) =>
        db.WriteAsync(admin, async s =>
        {
            if (r.HomeStationId is { } home) await stations.GetAsync(s, home);
            var unit = await units.AddAsync(s, new Unit(r.CallSign!.Trim(), r.Plate!.Trim(), r.Type!.Value, r.HomeStationId));
            if (r.InService == false) { unit.SetIdleStatus(UnitStatus.OutOfService); unit = await units.SaveAsync(s, unit); }
            return await PublishUnitAsync(s, "admin.unit.created", null, unit);
        }, ct);

    public Task<UnitView> EditUnitAsync(long id, UnitRequest r, string admin, CancellationToken ct) =>
        db.WriteAsync(admin, async s =>
        {
            if (r.HomeStationId is { } home) await stations.GetAsync(s, home);
            var unit = await units.GetAsync(s, id);
            var before = UnitView.From(unit);
            unit.Edit(r.CallSign!.Trim(), r.Plate!.Trim(), r.Type!.Value, r.HomeStationId);
            if (r.InService is { } inService && inService == (unit.Status == UnitStatus.OutOfService))
                unit.SetIdleStatus(inService ? UnitStatus.AvailableAtStation : UnitStatus.OutOfService);
            return await PublishUnitAsync(s, "admin.unit.changed", before, await units.SaveAsync(s, unit));
        }, ct);

    private static async Task<UnitView> PublishUnitAsync(DbSession s, string action, UnitView? before, Unit unit)
    {
        var view = UnitView.From(unit);
        s.Log(action, unitId: unit.Id, details: Changes.Between(before, view));
        s.Emit(EventTypes.UnitChanged, Audiences.Operators, view, view.IncidentId);
        return view;
    }

    public Task<Station> SaveStationAsync(long? id, StationRequest r, string admin, CancellationToken ct) =>
        db.WriteAsync(admin, async s =>
        {
            var before = id is { } existing ? await stations.GetAsync(s, existing) : null;
            var station = new Station(id ?? 0, r.Name!.Trim(), r.Kind!.Value, r.Lat!.Value, r.Lon!.Value, IsSample: false);
            if (before is null) station = station with { Id = await stations.AddAsync(s, station) };
            else await stations.SaveAsync(s, station);
            s.Log(before is null ? "admin.station.created" : "admin.station.changed", details: Changes.Between(before, station));
            return station;
        }, ct);

    public Task<UserView> AddUserAsync(UserRequest r, string admin, CancellationToken ct) =>
        db.WriteAsync(admin, async s =>
        {
            if (r.UnitId is { } unit) await units.GetAsync(s, unit);
            if (r.FacilityId is { } facility) await stations.GetAsync(s, facility); // 404 for an unknown facility
            var account = new UserAccount
            {
                UserName = r.Username!.Trim(), DisplayName = r.DisplayName ?? r.Username!.Trim(), Role = r.Role!,
                UnitId = r.Role == Roles.Crew ? r.UnitId : null, FacilityId = r.FacilityId, Disabled = r.Disabled ?? false,
                MustChangePassword = true, // the administrator knows it: the user chooses their own at first sign-in
            };
            account.PasswordHash = Hasher.HashPassword(account, r.Password!);
            var view = UserView.From(await users.GetAsync(s, await users.AddAsync(s, account)));
            s.Log("admin.user.created", details: Changes.Between(null, view));
            return view;
        }, ct);

    public async Task<UserView> EditUserAsync(long id, UserRequest r, string admin, CancellationToken ct)
    {
        var changed = await db.WriteAsync(admin, async s =>
        {
            if (r.UnitId is { } unit) await units.GetAsync(s, unit);
            if (r.FacilityId is { } facility) await stations.GetAsync(s, facility);
            var account = await users.GetAsync(s, id);
            var before = UserView.From(account);
            var staysActiveAdmin = r.Role == Roles.Admin && !(r.Disabled ?? account.Disabled);
            // The site keeps one administrator who can sign in (else nobody can fix anything).
            if (account is { Role: Roles.Admin, Disabled: false } && !staysActiveAdmin && await users.CountOtherActiveAdminsAsync(s, account.Id) == 0)
                throw new Dispatch.Core.Common.RuleViolation("last-admin", "This is the last active administrator: it cannot be disabled or given another role.");
            account.DisplayName = r.DisplayName ?? account.DisplayName;
            account.Role = r.Role!;
            account.UnitId = r.Role == Roles.Crew ? r.UnitId : null;
            account.FacilityId = r.FacilityId;
            account.Disabled = r.Disabled ?? account.Disabled;
            await users.UpdateAsync(s, account);
            var view = UserView.From(account);
            s.Log("admin.user.changed", details: Changes.Between(before, view));
            return view;
        }, ct);
        // After the commit: a request or sweep in between would otherwise cache the old account again.
        sessions.Forget(changed.Username);
        return changed;
    }

    /// <summary>Sets a new password; sessions opened with the old one end (their password stamp no longer matches).</summary>
    public async Task<UserView> ResetPasswordAsync(long id, string password, string admin, CancellationToken ct)
    {
        var reset = await db.WriteAsync(admin, async s =>
        {
            var account = await users.GetAsync(s, id);
            await users.ResetPasswordAsync(s, id, Hasher.HashPassword(account, password));
            // The log says that the password was reset, never what to.
            s.Log("admin.user.password-reset", details: new { username = account.UserName });
            return UserView.From(account);
        }, ct);
        sessions.Forget(reset.Username);
        return reset;
    }

    public Task<IReadOnlyList<UserView>> ListUsersAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<UserView>>(async s => (await users.ListAsync(s)).Select(UserView.From).ToList(), ct);
}
