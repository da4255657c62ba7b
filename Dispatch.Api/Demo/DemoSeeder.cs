using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Units;
using Dispatch.Core.Geography;
using Dispatch.Core.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Demo;

/// <summary>
/// Seeds an empty database with the Kota Solok demo. Every station and unit is labelled as sample
/// data ("contoh"): names of real puskesmas are used, but no position here is a verified fact.
/// </summary>
public sealed class DemoSeeder(Db db, UserStore users, UnitStore units, StationStore stations, AreaResolver areas, Imports.ImportStore history, IOptions<SeedOptions> options)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var seed = options.Value;
        if (!seed.Demo) return;
        if (string.IsNullOrEmpty(seed.DemoPassword)) throw new InvalidOperationException("Seed:Demo needs Seed:DemoPassword.");
        await db.WriteAsync("seed", async s =>
        {
            if (await users.CountAsync(s) > 0) return 0;
            // Sample positions: interior points of the named kelurahan, not surveyed locations.
            var post = await AddStation(s, "Pos PSC 119 (contoh)", StationKind.PscPost, "13.72.02.1002");
            var tanahGaram = await AddStation(s, "Puskesmas Tanah Garam (lokasi contoh)", StationKind.Puskesmas, "13.72.01.1001");
            var tanjungPaku = await AddStation(s, "Puskesmas Tanjung Paku (lokasi contoh)", StationKind.Puskesmas, "13.72.02.1003");
            var nanBalimo = await AddStation(s, "Puskesmas Nan Balimo (lokasi contoh)", StationKind.Puskesmas, "13.72.02.1004");
            var hospital = await AddStation(s, "Rumah Sakit Contoh A", StationKind.Hospital, "13.72.01.1003");

            var unit1 = await units.AddAsync(s, new Unit("AMB-01 (contoh)", "CONTOH-0001", UnitType.Als, post));
            var unit2 = await units.AddAsync(s, new Unit("AMB-02 (contoh)", "CONTOH-0002", UnitType.Bls, tanahGaram));
            await units.AddAsync(s, new Unit("AMB-03 (contoh)", "CONTOH-0003", UnitType.Als, tanjungPaku));
            await units.AddAsync(s, new Unit("AMB-04 (contoh)", "CONTOH-0004", UnitType.Bls, nanBalimo));
            await units.AddAsync(s, new Unit("AMB-05 (contoh)", "CONTOH-0005", UnitType.Transport, post));
            await units.AddAsync(s, new Unit("AMB-06 (contoh)", "CONTOH-0006", UnitType.Bls, post));

            // The demo users share one password: one hash (a salted PBKDF2, deliberately slow) serves
            // them all, instead of six on every start of a demo or test app.
            var sharedHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), seed.DemoPassword);
            (string Name, string Display, string Role, long? Unit, long? Facility)[] people =
            [
                ("operator1", "Operator 1 (demo)", Roles.Operator, null, null),
                ("operator2", "Operator 2 (demo)", Roles.Operator, null, null),
                ("crew1", "Kru AMB-01 (demo)", Roles.Crew, unit1.Id, null),
                ("crew2", "Kru AMB-02 (demo)", Roles.Crew, unit2.Id, null),
                ("dinkes1", "Dinas Kesehatan (demo)", Roles.HealthOffice, null, null),
                ("admin", "Admin (demo)", Roles.Admin, null, null),
                ("rs1", "IGD Rumah Sakit Contoh A (demo)", Roles.Facility, null, hospital),
            ];
            foreach (var p in people)
            {
                var account = new UserAccount { UserName = p.Name, DisplayName = p.Display, Role = p.Role, UnitId = p.Unit, FacilityId = p.Facility };
                account.PasswordHash = sharedHash;
                await users.AddAsync(s, account);
            }
            await DemoHistory.SeedAsync(s, history, areas, (await units.ListAsync(s)).Select(u => u.Id).ToList(), seed.DemoHistory);
            s.Log("seed.demo", details: new { stations = 5, units = 6, users = people.Length, history = seed.DemoHistory });
            return 1;
        }, ct);
    }

    private async Task<long> AddStation(DbSession s, string name, StationKind kind, string kelurahanCode)
    {
        var point = areas.InteriorPoint(kelurahanCode) ?? throw new InvalidOperationException($"Unknown kelurahan {kelurahanCode}.");
        return await stations.AddAsync(s, new Station(0, name, kind, Math.Round(point.Lat, 6), Math.Round(point.Lon, 6), IsSample: true));
    }
}
