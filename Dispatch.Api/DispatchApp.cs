using Dispatch.Api.Admin;
using Dispatch.Api.Auth;
using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Demo;
using Dispatch.Api.Events;
using Dispatch.Api.Health;
using Dispatch.Api.Hosting;
using Dispatch.Api.Http;
using Dispatch.Api.Incidents;
using Dispatch.Api.Patients;
using Dispatch.Api.Privacy;
using Dispatch.Api.Routing;
using Dispatch.Api.Security;
using Dispatch.Api.Telemetry;
using Dispatch.Api.Units;
using Dispatch.Api.Web;
using Dispatch.Core.Calls;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Microsoft.Extensions.Options;

namespace Dispatch.Api;

/// <summary>Composition: services, start-up checks and the HTTP pipeline, in one readable place.</summary>
public static class DispatchApp
{
    public static void AddDispatch(this WebApplicationBuilder builder)
    {
        var problems = StartupGuard.Problems(builder.Configuration, builder.Environment);
        if (problems.Count > 0)
            throw new InvalidOperationException($"Refusing to start in {builder.Environment.EnvironmentName}: " + string.Join(" ", problems));

        // ASP.NET Core's "Request starting/finished" lines carry the whole query string, and a search
        // (GET /api/incidents/search?phone=&q=) holds a caller's number and words of an address or
        // complaint: those lines stay out of the logs at any configured level (metrics and traces,
        // whose url.query is redacted, measure requests instead).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddOpenApi();
        services.AddSignalR(o => o.KeepAliveInterval = TimeSpan.FromSeconds(5)).AddJsonProtocol(o => Json.Configure(o.PayloadSerializerOptions)).AddDispatchBackplane(builder.Configuration);
        services.AddDispatchAuth(builder.Environment);
        services.AddWebSecurity(builder.Environment);
        services.AddDispatchDatabase();
        services.AddProxyTrust();
        services.AddKeyRing(builder.Configuration);
        builder.AddDispatchTelemetry();

        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section);
        services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.Section);
        services.AddOptions<DuplicateOptions>().BindConfiguration(DuplicateOptions.Section);
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        services.AddOptions<CrewOptions>().BindConfiguration(CrewOptions.Section);
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section);
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section);
        // In Development the documented demo key is accepted beside any configured key.
        services.PostConfigure<TelephonyOptions>(o =>
        {
            var demoKey = builder.Configuration[$"{SeedOptions.Section}:{nameof(SeedOptions.TelephonyApiKey)}"];
            if (builder.Environment.IsDevelopment() && !string.IsNullOrEmpty(demoKey)) o.Keys.Add(new TelephonyKey { Name = "demo", Key = demoKey });
        });

        services.AddSingleton(AreaResolver.KotaSolok());
        // The straight-line speed x the accepted calibration's factor, read at each ranking.
        services.AddSingleton(sp =>
        {
            var (options, calibration) = (sp.GetRequiredService<IOptions<RecommendationOptions>>().Value, sp.GetRequiredService<Planning.SpeedCalibration>());
            return new Recommender(() => options.WithSpeedFactor(calibration.FactorFor(Routing.RoadStatus.StraightLine)));
        });
        services.AddRoadRouting();
        Planning.PlanningServices.AddPlanning(services);
        services.AddSingleton<IEventPublisher, HubEventPublisher>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<HubSessions>();
        services.AddHostedService<HubSessionSweeper>();
        services.AddSingleton<CallStore>();
        services.AddSingleton<CallIntake>();
        services.AddSingleton<CallDesk>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<IncidentLogStore>();
        services.AddSingleton<ResponseStore>();
        services.AddSingleton<ResponseCrewStore>();
        services.AddSingleton<IncidentDesk>();
        services.AddSingleton<ResponseDesk>();
        services.AddSingleton<NoteDesk>();
        services.AddPatients();
        services.AddSingleton<IncidentSearch>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<StationStore>();
        services.AddSingleton<CrewDesk>();
        services.AddSingleton<AdminDesk>();
        services.AddSingleton<Facilities.AvailabilityStore>();
        services.AddSingleton<Facilities.AvailabilityDesk>();
        services.AddSingleton<Facilities.PreNotificationStore>();
        services.AddSingleton<Facilities.PreNotifier>();
        services.AddSingleton<Facilities.PreNotificationDesk>();
        services.AddSingleton<Facilities.DestinationDesk>();
        services.AddSingleton<Facilities.FacilityImportDesk>();
        services.AddSingleton<Reports.ReportService>();
        services.AddSingleton<Exports.ExportService>();
        services.AddSingleton<Exports.ResponseExport>();
        services.AddSingleton<Imports.ImportStore>();
        services.AddSingleton<Imports.IncidentImporter>();
        services.AddSingleton<Imports.ImportJobs>();
        services.AddSingleton<Imports.ImportMappingStore>();
        services.AddOptions<Exports.ReportingOptions>().BindConfiguration(Exports.ReportingOptions.Section);
        services.AddSingleton<DemoSeeder>();
        services.AddPersonalData();
        services.AddSecurityEvents();
        services.AddRetention();
        services.AddSingleton<Audit.AccessLog>();
        services.AddSingleton<Audit.LogIntegrity>();
        Protocols.ProtocolEndpoints.AddProtocols(services);
    }

    /// <summary>Migrates the schema and seeds the demo before the app takes traffic.</summary>
    public static async Task InitializeDispatchAsync(this WebApplication app)
    {
        KeyRing.WarnIfUnprotected(app.Configuration, app.Environment, app.Logger);
        var applied = app.Services.MigrateDatabase();
        // Only in the start that created the chain: a hash found missing later is a mismatch, never re-chained.
        if (applied.Any(Audit.LogIntegrity.CreatesTheChain))
            await app.Services.GetRequiredService<Audit.LogIntegrity>().ChainLegacyRowsAsync(CancellationToken.None);
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        await app.Services.GetRequiredService<Protocols.ProtocolCatalog>().SeedAsync(CancellationToken.None);
    }

    public static void UseDispatch(this WebApplication app)
    {
        // First: everything after it (throttle, cookies, logs) sees the client, not nginx.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        SessionGuard.Use(app);
        app.UseForbiddenEvents();
        app.UseCookieAntiforgery();
        app.UseAuthorization();
        app.UseRateLimiter(); // after the forwarded headers: the sign-in limit is per client, not per proxy

        // The console's files (Dispatch.Console/wwwroot) are public; the data behind them is not.
        app.MapStaticAssets().AllowAnonymous();
        app.MapPages();
        // The full contract helps an attacker: outside Development only a signed-in user reads it.
        if (app.Environment.IsDevelopment()) app.MapOpenApi().AllowAnonymous();
        else app.MapOpenApi().RequireAuthorization(Policies.AnyUser);
        app.MapHealth();
        app.MapDispatchMetrics();
        app.MapAuth();
        app.MapCalls();
        app.MapIncidents();
        app.MapPatients();
        app.MapIncidentSearch();
        app.MapUnits();
        Facilities.FacilityEndpoints.MapFacilities(app);
        app.MapRouting();
        app.MapEvents();
        app.MapAdmin();
        app.MapPersonalData();
        app.MapSecurityEvents();
        Audit.AuditEndpoints.MapAudit(app);
        Reports.ReportEndpoints.MapReports(app);
        Planning.PlanningEndpoints.MapPlanning(app);
        Planning.PlanningSetup.MapPlanningSetup(app);
        Exports.ExportEndpoints.MapExports(app);
        Imports.ImportEndpoints.MapImports(app);
        Protocols.ProtocolEndpoints.MapProtocols(app);
    }
}
