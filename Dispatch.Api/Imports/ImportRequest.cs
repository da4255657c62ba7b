using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Imports;

public static class ImportRequest
{
    /// <summary>Reads and checks the multipart form: 'file' (CSV) and 'mapping' (JSON).</summary>
    public static (ImportMapping? Mapping, Dictionary<string, string[]> Errors) Read(IFormCollection form)
    {
        var errors = new Dictionary<string, string[]>();
        if (form.Files["file"] is not { Length: > 0 }) errors["file"] = ["'file' (the CSV) is required."];
        var mapping = Parse(form["mapping"].ToString(), errors);
        return (mapping, errors);
    }

    public static ImportMapping? Parse(string json, Dictionary<string, string[]> errors)
    {
        ImportMapping? mapping = null;
        try
        {
            mapping = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<ImportMapping>(json, Json.Options);
        }
        catch (JsonException)
        {
            errors["mapping"] = ["'mapping' is not valid JSON."];
            return null;
        }
        if (mapping is null) { errors.TryAdd("mapping", ["'mapping' (JSON) is required."]); return null; }
        foreach (var (field, message) in mapping.Problems()) errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];
        return mapping;
    }
}
