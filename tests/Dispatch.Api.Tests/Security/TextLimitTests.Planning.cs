using System.Net;
using System.Text.Json;

namespace Dispatch.Api.Tests.Security;

/// <summary>The what-if simulation's texts: a run's name (its column) and an added station's key (kept in the stored request).</summary>
public sealed partial class TextLimitTests
{
    private async Task<(HttpStatusCode, string?)> SimulationNameAsync(string name)
    {
        using var office = await Api.AsAsync("dinkes1");
        var status = await SendAsync(office, "/api/planning/simulations", new { from = "2026-01-01", to = "2026-01-01", name });
        return (status, IsRun(status) ? Column<string>("SELECT name FROM planning_simulations WHERE id = @Id", new { Id = LastBody.GetProperty("id").GetString() }) : null);
    }

    private async Task<(HttpStatusCode, string?)> SimulationKeyAsync(string key)
    {
        using var office = await Api.AsAsync("dinkes1");
        var status = await SendAsync(office, "/api/planning/simulations",
            new { from = "2026-01-01", to = "2026-01-01", scenario = new { stations = new[] { new { key, lat = -0.80, lon = 100.66 } } } });
        if (!IsRun(status)) return (status, null);
        var request = Column<string>("SELECT request FROM planning_simulations WHERE id = @Id", new { Id = LastBody.GetProperty("id").GetString() });
        return (status, JsonDocument.Parse(request!).RootElement.GetProperty("scenario").GetProperty("stations")[0].GetProperty("key").GetString());
    }

    private static bool IsRun(HttpStatusCode status) => status is HttpStatusCode.OK or HttpStatusCode.Accepted;
}
