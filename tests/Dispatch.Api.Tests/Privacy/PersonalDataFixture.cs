using System.Data.Common;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Privacy;

/// <summary>
/// A person's incident from call to close (number, address, complaint, a changed address, a note,
/// a unit released with a reason, a unit sent and back) and a raw look at every table of the database.
/// </summary>
public sealed record PersonCase(long CallId, long IncidentId, string Phone, string Stored, string Address, string OldAddress, string Complaint, string Note, string Release,
    string PatientName, string Treatment, string ReceivedBy, string SisruteRef)
{
    /// <summary>Every form of this person's data that must be gone after erasure.</summary>
    public string[] Needles => [Stored, Stored[1..], "0" + Stored[3..], Stored[^8..], Address, OldAddress, Complaint, Note, Release, PatientName, Treatment, ReceivedBy, SisruteRef];

    public static async Task<PersonCase> CloseAsync(ApiClient api, HttpClient op, string tag, int digits)
    {
        var local = $"0813{digits:D8}";
        var address = $"Jl. Kenanga {tag} No. {digits % 97}";
        var oldAddress = $"Gang Melati {tag}";
        var complaint = $"kejang berulang {tag}";
        var note = $"alergi penisilin {tag}";
        var release = $"dibawa keluarga Pak Budi {tag}";
        var call = await api.IngestAsync($"pd-{tag}", callerNumber: local, lat: -0.791234, lon: 100.654321);
        var callId = call.GetProperty("id").GetInt64();
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/calls/{callId}/answer", null));
        var incident = await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/calls/{callId}/incident",
            new { lat = -0.791234, lon = 100.654321, triage = "merah", address = oldAddress, complaint }));
        var id = incident.GetProperty("id").GetInt64();
        incident = await ApiClient.OkJsonAsync(await op.PatchAsJsonAsync($"/api/incidents/{id}", new { address, version = incident.GetProperty("version").GetInt32() }));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = note }));
        var unitId = await FreeUnitAsync(op);
        // A first unit released with an operator's free-text reason, then sent again.
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/assign", new { unitId }));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/responses/{unitId}/release", new { reason = release }));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/assign", new { unitId }));
        // A patient record (issue 15) with an observation, transported and handed over.
        var (patientName, treatment, receivedBy, sisrute) = ($"Siti Aminah {tag}", $"infus RL {tag}", $"Ns. Rahmawati {tag}", $"SR-{tag}-{digits}");
        var hospital = (await ApiClient.OkJsonAsync(await op.GetAsync("/api/facilities"))).EnumerateArray().First(f => f.GetProperty("kind").GetString() == "hospital").GetProperty("id").GetInt64();
        var patientId = Guid.NewGuid().ToString();
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/patients", new
        {
            id = patientId, name = patientName, age = 34, sex = "female", triage = "kuning", icd10 = "R56.8", treatments = new[] { treatment },
            outcome = "transported", destinationId = hospital, sisruteRef = sisrute, handoverAt = TimeProvider.System.GetUtcNow().AddMinutes(-1), receivedBy,
        }));
        await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/patients/{patientId}/observations", new { pulse = 112, spo2 = 95, gcs = 13 }));
        foreach (var status in new[] { "enRoute", "onScene", "available" })
            await ApiClient.OkJsonAsync(await op.PostAsJsonAsync($"/api/incidents/{id}/responses/{unitId}/status", new { status }));
        await ApiClient.OkJsonAsync(await op.PostAsync($"/api/incidents/{id}/close", null));
        return new PersonCase(callId, id, local, call.GetProperty("callerNumber").GetString()!, address, oldAddress, complaint, note, release,
            patientName, treatment, receivedBy, sisrute);
    }

    private static async Task<long> FreeUnitAsync(HttpClient op)
    {
        var units = await ApiClient.OkJsonAsync(await op.GetAsync("/api/units"));
        return units.EnumerateArray().First(u => u.GetProperty("available").GetBoolean()).GetProperty("id").GetInt64();
    }
}

/// <summary>Every table and column of the app's database, read from the catalog, so a future table is covered too.</summary>
public static class DatabaseScan
{
    /// <summary>Where any of <paramref name="needles"/> occurs: "table.column: needle", text and bytes (as UTF-8) alike.</summary>
    public static List<string> Find(DbConnection connection, bool postgres, params string[] needles)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        Assert.That(tables, Does.Contain("calls").And.Contain("incident_log").And.Contain("events").And.Contain("subject_keys"), "the catalog lists the tables");
        var found = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i)) continue;
                    var value = reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                    foreach (var needle in needles)
                        if (value.Contains(needle, StringComparison.OrdinalIgnoreCase)) found.Add($"{table}.{reader.GetName(i)}: {needle}");
                }
        }
        return found;
    }

    public static string Column(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return string.Join('\n', ReadAll(command));
    }

    private static IEnumerable<string> ReadAll(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public static JsonElement Entry(JsonElement log, string action) =>
        log.EnumerateArray().First(e => e.GetProperty("action").GetString() == action);
}
