using System.Text.Json.Nodes;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Api.Reports;
using Dispatch.Core.Protocols;

namespace Dispatch.Api.Protocols;

public static class ProtocolEndpoints
{
    private const int MaxBody = 8 * 1024;
    private const int MaxCardBody = 64 * 1024;

    public static IServiceCollection AddProtocols(this IServiceCollection services)
    {
        services.AddOptions<ProtocolOptions>().BindConfiguration(ProtocolOptions.Section);
        services.AddSingleton<ProtocolStore>();
        services.AddSingleton<ProtocolCatalog>();
        services.AddSingleton<ProtocolDesk>();
        services.AddSingleton<ProtocolReport>();
        return services;
    }

    public static void MapProtocols(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("/api/protocols").RequireAuthorization(Policies.Operators).WithTags("Protocols");
        cards.MapGet("/", async (ProtocolCatalog catalog, CancellationToken ct) => TypedResults.Ok((await catalog.CurrentAsync(ct)).Cards))
            .Produces<IReadOnlyList<ProtocolCard>>()
            .WithSummary("The protocol cards in use (newest valid version of each): questions, rules, defaultTriage, instructions (id/en), metronome, sources, approval.");
        cards.MapGet("/{id}", async (string id, ProtocolDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.CardAsync(id, ct)))
            .Produces<ProtocolCard>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One protocol card, current version.");

        var incidents = app.MapGroup("/api/incidents/{id:long}/protocol").RequireAuthorization(Policies.Operators).WithTags("Protocols");
        incidents.MapPost("/", (long id, HttpContext http, CurrentUser user, ProtocolDesk desk, CancellationToken ct) =>
                RequestBody.HandleAsync<ProtocolRequest>(http, MaxBody, r => r.Validate(), r => Answer(async () => TypedResults.Ok(await desk.RunAsync(id, r, user.Name, ct)))))
            .Accepts<ProtocolRequest>("application/json").Produces<ProtocolResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Run a card: { cardId, answers: { <questionId>: <value> } } returns suggestedTriage and instructions. Recorded in the incident log (answers sealed); the incident's triage is NOT changed (PATCH the incident).");
        incidents.MapPost("/instructions", (long id, HttpContext http, CurrentUser user, ProtocolDesk desk, CancellationToken ct) =>
                RequestBody.HandleAsync<InstructionGivenRequest>(http, MaxBody, r => r.Validate(), r => Answer(async () => TypedResults.Ok(await desk.InstructionGivenAsync(id, r, user.Name, ct)))))
            .Accepts<InstructionGivenRequest>("application/json").ProducesValidationProblem()
            .WithSummary("Record that instruction { cardId, step } (index from 0) was read to the caller.");

        var admin = app.MapGroup("/api/admin/protocols").RequireAuthorization(Policies.Admin).WithTags("Admin");
        admin.MapGet("/", async (ProtocolDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListVersionsAsync(ct)))
            .Produces<CardAdminList>().WithSummary("Every stored version of every card (who changed it, when, in use, problem) and the cards that failed validation.");
        admin.MapPut("/{id}", (string id, HttpContext http, CurrentUser user, ProtocolDesk desk, CancellationToken ct) =>
                RequestBody.HandleAsync<JsonObject>(http, MaxCardBody, _ => new Validation(), body => Answer(async () => TypedResults.Ok(await desk.EditAsync(id, body, user.Name, ct)))))
            .Accepts<JsonObject>("application/json").Produces<ProtocolCard>().ProducesValidationProblem()
            .WithSummary("Store an edited card (the whole card JSON) as its next version; 400 naming the card and field when it does not validate (the current version stays in use).");
        admin.MapPost("/{id}/revert", (string id, HttpContext http, CurrentUser user, ProtocolDesk desk, CancellationToken ct) =>
                RequestBody.HandleAsync<RevertRequest>(http, MaxBody, r => r.Validate(), r => Answer(async () => TypedResults.Ok(await desk.RevertAsync(id, r.Version!.Value, user.Name, ct)))))
            .Accepts<RevertRequest>("application/json").Produces<ProtocolCard>().ProducesValidationProblem()
            .WithSummary("Bring back a stored version { version } as the card's next version.");

        app.MapGet("/api/reports/protocol-triage", async (HttpContext http, ProtocolReport report, CancellationToken ct) =>
            {
                var (filter, problem) = ReportFilter.Parse(http.Request.Query);
                return problem ?? TypedResults.Ok(await report.ForAsync(filter!, ct));
            })
            .RequireAuthorization(Policies.Reports).WithTags("Reports").Produces<IReadOnlyList<ProtocolReport.CardLine>>()
            .WithSummary("Per card, for incidents where it was run from..to (WIB days): uses, how many ended with a triage other than the card's latest suggestion, and the share in %.");
    }

    private static async Task<IResult> Answer(Func<Task<IResult>> work)
    {
        try { return await work(); }
        catch (ProtocolDesk.Invalid invalid) { return invalid.Problem; }
    }
}
