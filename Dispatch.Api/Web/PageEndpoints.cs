using System.Text.Json;
using Dispatch.Api.Auth;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO.Converters;

namespace Dispatch.Api.Web;

/// <summary>The pages (from Dispatch.Console) and the public settings and map data they load.</summary>
public static class PageEndpoints
{
    public sealed record ClientConfig(string TileUrl, string TileAttribution, int PositionIntervalSeconds, string TimeZone, string[] Languages,
        int WaitingAlarmSeconds, int TakeOverSeconds, IReadOnlyDictionary<Triage, double?> TriageTargetSeconds, int AcknowledgeTimeoutSeconds);

    private static readonly (string Route, string File)[] Pages =
    [
        ("/", "console.html"), ("/login", "login.html"), ("/crew", "crew.html"), ("/admin", "admin.html"), ("/reports", "reports.html"), ("/facility", "facility.html"),
        ("/planning", "planning.html"),
    ];

    public static void MapPages(this IEndpointRouteBuilder app)
    {
        var files = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        foreach (var (route, file) in Pages)
            app.MapGet(route, () => Page(files, file)).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/api/config", (IOptions<MapOptions> map, IOptions<CrewOptions> crew, IOptions<ConsoleOptions> console, IOptions<TriageOptions> triage,
                IOptions<DispatchOptions> dispatch) =>
                TypedResults.Ok(new ClientConfig(map.Value.TileUrl, map.Value.TileAttribution, crew.Value.PositionIntervalSeconds, "Asia/Jakarta", ["id", "en"],
                    console.Value.WaitingAlarmSeconds, console.Value.TakeOverSeconds,
                    Enum.GetValues<Triage>().ToDictionary(t => t, t => triage.Value.Target(t)?.TotalSeconds),
                    dispatch.Value.AcknowledgeTimeoutSeconds)))
            .AllowAnonymous().WithTags("Web")
            .WithSummary("Settings the pages need: map tiles (empty URL = no tiles), crew position interval, display time zone, the console's alarm and take-over times, response targets per triage (seconds; null = none), how long a crew may take to acknowledge before operators are alerted.");

        var kelurahan = KelurahanGeoJson(app.ServiceProvider.GetRequiredService<AreaResolver>());
        app.MapGet("/api/areas/kelurahan", () => Results.Text(kelurahan, "application/geo+json"))
            .RequireAuthorization(Policies.AnyUser).WithTags("Web")
            .WithSummary("Kota Solok kelurahan boundaries (GeoJSON, WGS84) for the maps.");
    }

    private static IResult Page(IFileProvider files, string name)
    {
        var file = files.GetFileInfo($"_content/Dispatch.Console/{name}");
        return file.Exists ? Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8") : Results.NotFound();
    }

    private static string KelurahanGeoJson(AreaResolver areas)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return JsonSerializer.Serialize(areas.Kelurahan, options);
    }
}
