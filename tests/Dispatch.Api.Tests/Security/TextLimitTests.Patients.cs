using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Core.Patients;

namespace Dispatch.Api.Tests.Security;

/// <summary>The patient record's texts (issue 15) at their maximum, and its id, a token of at most <see cref="PatientFields.MaxIdLength"/>.</summary>
public sealed partial class TextLimitTests
{
    /// <summary>
    /// Adds a patient transported to a hospital and handed over (so that every field is allowed)
    /// with <paramref name="fields"/> on top; returns the column as stored (treatments: the first item).
    /// </summary>
    private async Task<(HttpStatusCode, string?)> PatientAsync(object fields, string column)
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"limit-{Guid.NewGuid():n}");
        var hospital = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).EnumerateArray().First(f => f.GetProperty("kind").GetString() == "hospital").GetProperty("id").GetInt64();
        var body = JsonSerializer.SerializeToNode(new { outcome = "transported", destinationId = hospital, handoverAt = TimeProvider.System.GetUtcNow().AddMinutes(-1) })!.AsObject();
        foreach (var (name, value) in JsonSerializer.SerializeToNode(fields)!.AsObject()) body[name] = value?.DeepClone();
        var status = await SendAsync(op, $"/api/incidents/{incidentId}/patients", body);
        if (status != HttpStatusCode.Created) return (status, null);
        var stored = Column<string>($"SELECT {column} FROM patients WHERE id = @Id", new { Id = LastBody.GetProperty("id").GetString() });
        return (status, column == "treatments" ? JsonSerializer.Deserialize<string[]>(stored!)![0] : stored);
    }

    [Test]
    public async Task A_patient_id_of_its_maximum_is_stored_and_one_more_is_a_400_naming_id()
    {
        using var op = await Api.AsAsync("operator1");
        var incidentId = await Api.OpenIncidentAsync(op, $"limit-{Guid.NewGuid():n}");
        var id = (Guid.NewGuid().ToString("n") + Guid.NewGuid().ToString("n") + "-x")[..PatientFields.MaxIdLength];
        Assert.That(await SendAsync(op, $"/api/incidents/{incidentId}/patients", new { id }), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await SendAsync(op, $"/api/incidents/{incidentId}/patients/{id}/observations", new { id, pulse = 90 }), Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Column<string>("SELECT patient_id FROM patient_observations WHERE id = @Id", new { Id = id }), Is.EqualTo(id));
        Assert.That(await SendAsync(op, $"/api/incidents/{incidentId}/patients", new { id = id + "y" }), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(LastProblemFields, Does.Contain("id"));
    }
}
