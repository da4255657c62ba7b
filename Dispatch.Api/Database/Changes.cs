using System.Text.Json;

namespace Dispatch.Api.Database;

/// <summary>
/// The values an action changed, for the incident log: <c>{ field: { from, to } }</c>. An
/// incident's responses are left out: the action on a response logs that response's own changes.
/// </summary>
public static class Changes
{
    public static Dictionary<string, object?> Between<T>(T? before, T after)
    {
        var a = before is null ? default : JsonSerializer.SerializeToElement(before, Json.Options);
        var b = JsonSerializer.SerializeToElement(after, Json.Options);
        var changed = new Dictionary<string, object?>();
        foreach (var property in b.EnumerateObject())
        {
            if (property.NameEquals("version") || property.NameEquals("responses")) continue;
            JsonElement? old = a.ValueKind == JsonValueKind.Object && a.TryGetProperty(property.Name, out var o) ? o : null;
            if (old is { } x && JsonElement.DeepEquals(x, property.Value)) continue;
            changed[property.Name] = new { from = old, to = property.Value };
        }
        return changed;
    }
}
