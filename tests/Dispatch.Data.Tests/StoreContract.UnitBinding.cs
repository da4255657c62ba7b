using Dispatch.Api.Auth;
using Dispatch.Data.Tests.Infrastructure;

namespace Dispatch.Data.Tests;

// A crew member hears and reads their unit's work from the time they were bound to it (issue 14).
public abstract partial class StoreContract
{
    [Test]
    public async Task A_user_is_bound_to_a_unit_when_it_is_set_or_changed_and_keeps_the_time_otherwise()
    {
        var unitA = await AddUnitAsync();
        var unitB = await AddUnitAsync();
        var user = Build.User(unitA.Id);
        var created = Database.Clock.Now;

        await Write(s => Users.AddAsync(s, user));
        Assert.That((await FindAsync(user.UserName)).UnitBoundAt, Is.EqualTo(created.ToUnixTimeMilliseconds()), "bound when created with a unit");

        Database.Clock.Advance(TimeSpan.FromMinutes(5));
        var same = await FindAsync(user.UserName);
        same.DisplayName = "Rahmat H.";
        await Write(s => Users.UpdateAsync(s, same));
        Assert.That((await FindAsync(user.UserName)).UnitBoundAt, Is.EqualTo(created.ToUnixTimeMilliseconds()), "the same unit keeps its time");

        Database.Clock.Advance(TimeSpan.FromMinutes(5));
        var moved = await FindAsync(user.UserName);
        moved.UnitId = unitB.Id;
        await Write(s => Users.UpdateAsync(s, moved));
        Assert.That((await FindAsync(user.UserName)).UnitBoundAt, Is.EqualTo(Database.Clock.Now.ToUnixTimeMilliseconds()), "a new unit binds from now");

        var unbound = await FindAsync(user.UserName);
        unbound.UnitId = null;
        unbound.Role = Roles.Operator;
        await Write(s => Users.UpdateAsync(s, unbound));
        Assert.That((await FindAsync(user.UserName)).UnitBoundAt, Is.Null, "no unit, no binding");

        var operatorUser = Build.User(null);
        await Write(s => Users.AddAsync(s, operatorUser));
        Assert.That((await FindAsync(operatorUser.UserName)).UnitBoundAt, Is.Null);
    }

    private async Task<UserAccount> FindAsync(string userName) => (await Read(s => Users.FindAsync(s, userName)))!;
}
