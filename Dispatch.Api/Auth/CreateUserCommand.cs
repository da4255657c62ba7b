using Dispatch.Api.Database;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Auth;

/// <summary>
/// <c>dotnet Dispatch.Api.dll create-user NAME ROLE [--unit UNIT_ID | --facility FACILITY_ID]</c>: creates a user with the
/// password read from the environment variable PSC119_NEW_PASSWORD (never from the command line,
/// which other users of the machine can read). How a real site gets its first admin.
/// </summary>
public static class CreateUserCommand
{
    public const string Name = "create-user";
    public const string PasswordVariable = "PSC119_NEW_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2 || !Roles.Users.Contains(args[1]))
        {
            await Console.Error.WriteLineAsync($"usage: {Name} NAME ({string.Join('|', Roles.Users)}) [--unit UNIT_ID | --facility FACILITY_ID]   (password in ${PasswordVariable})");
            return 2;
        }
        if (args[0].Length > Dispatch.Core.Common.TextLimits.UserName || args[0].Contains('\0', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"NAME has at most {Dispatch.Core.Common.TextLimits.UserName} characters.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (PasswordPolicy.Problem(password) is { } problem)
        {
            await Console.Error.WriteLineAsync($"Set {PasswordVariable} to the new password: it {problem} ({PasswordPolicy.MinLength}-{PasswordPolicy.MaxLength} characters, not a common one).");
            return 2;
        }
        long? unit = Option(args, "--unit");
        long? facility = Option(args, "--facility");
        if (args[1] == Roles.Crew && unit is null)
        {
            await Console.Error.WriteLineAsync("A crew user needs --unit UNIT_ID.");
            return 2;
        }
        if ((args[1] == Roles.Facility) != (facility is not null))
        {
            await Console.Error.WriteLineAsync("A facility user needs --facility FACILITY_ID, and only a facility user takes one.");
            return 2;
        }
        // Whoever ran the command knows the password: the user chooses their own at first sign-in.
        var account = new UserAccount { UserName = args[0], DisplayName = args[0], Role = args[1], UnitId = unit, FacilityId = facility, MustChangePassword = true };
        account.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(account, password!);
        var db = services.GetRequiredService<Db>();
        var users = services.GetRequiredService<UserStore>();
        if (facility is { } f && !(await db.ReadAsync(s => services.GetRequiredService<Units.StationStore>().ListAsync(s), CancellationToken.None)).Any(x => x.Id == f))
        {
            await Console.Error.WriteLineAsync($"No facility {f}: see GET /api/facilities for the ids.");
            return 2;
        }
        await db.WriteAsync("cli", async s =>
        {
            var id = await users.AddAsync(s, account);
            s.Log("user.created", details: new { account.UserName, account.Role, account.UnitId, account.FacilityId });
            return id;
        }, CancellationToken.None);
        await Console.Out.WriteLineAsync($"User {account.UserName} ({account.Role}) created.");
        return 0;
    }

    private static long? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name, 2);
        return at >= 0 && at + 1 < args.Length && long.TryParse(args[at + 1], out var value) ? value : null;
    }
}
