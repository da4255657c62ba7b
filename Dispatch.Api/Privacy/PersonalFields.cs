using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dispatch.Api.Privacy;

/// <summary>
/// The personal properties of an incident log row's details (any depth, including the
/// <c>{ from, to }</c> pairs of <c>Changes.Between</c>): sealed on write with the key of the row's
/// subject, opened on read; once the key is destroyed they read as null.
/// </summary>
public static class PersonalFields
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "callerNumber", "callerNumbers", "address", "complaint", "text", "name", "lat", "lon", "accuracyMeters",
        // Operators' free text about why (a release, a decline, a cancellation) may name or describe the person.
        "endNote", "cancelReason",
        // Health data (issue 15): a protocol card's answers about the patient.
        "answers",
        // Patient records (issue 15): specific (health) personal data.
        "age", "ageGroup", "sex", "icd10", "treatments", "observation", "receivedBy", "sisruteRef",
    };

    // The kelurahan and kecamatan ({ code, name }) are the area the record keeps after erasure, not a person's name.
    private static readonly IReadOnlySet<string> Areas = new HashSet<string>(StringComparer.Ordinal) { "kelurahan", "kecamatan" };

    /// <summary>The subject whose key seals a log row: its incident, else its call; null for neither.</summary>
    public static string? Subject(long? incidentId, long? callId) =>
        incidentId is { } i ? IncidentSubject(i) : callId is { } c ? CallSubject(c) : null;

    public static string IncidentSubject(long incidentId) => $"i:{incidentId}";

    public static string CallSubject(long callId) => $"c:{callId}";

    /// <summary>A cheap test on the text before parsing: can these details hold a personal property?</summary>
    public static bool MayHold(string? json)
    {
        if (json is null) return false;
        foreach (var name in Names)
            if (json.Contains($"\"{name}\"", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The details with every non-null personal value sealed; null when there was nothing to seal.</summary>
    public static string? Seal(string json, byte[] key, string subject)
    {
        var root = JsonNode.Parse(json);
        var changed = false;
        Walk(root, (obj, name) =>
        {
            if (obj[name] is not { } value || value.GetValueKind() == JsonValueKind.Null) return;
            obj[name] = Sealer.Seal(key, subject, value.ToJsonString());
            changed = true;
        });
        return changed ? root!.ToJsonString() : null;
    }

    /// <summary>
    /// The details with sealed values opened; a value whose key is gone (or that does not open)
    /// becomes null and <paramref name="erased"/> is set.
    /// </summary>
    public static JsonElement Open(string json, byte[]? key, string? subject, out bool erased)
    {
        var gone = false;
        if (!json.Contains(Sealer.Prefix, StringComparison.Ordinal))
        {
            erased = false;
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        var root = JsonNode.Parse(json);
        Walk(root, (obj, name) =>
        {
            if (obj[name] is not JsonValue v || !v.TryGetValue<string>(out var text) || !Sealer.IsSealed(text)) return;
            var plain = key is null || subject is null ? null : Sealer.Open(key, subject, text);
            if (plain is null) gone = true;
            obj[name] = plain is null ? null : JsonNode.Parse(plain);
        });
        erased = gone;
        return JsonSerializer.SerializeToElement(root);
    }

    // Calls found(object, property name) for every personal property; recurses into the others.
    private static void Walk(JsonNode? node, Action<JsonObject, string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (Names.Contains(name)) found(obj, name);
                    else if (!Areas.Contains(name)) Walk(obj[name], found);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Walk(item, found);
                break;
        }
    }
}
