using System.Text.Json;
using Dispatch.Core.Incidents;

namespace Dispatch.Core.Protocols;

/// <summary>One JSON object of a card being read, with its path for error messages.</summary>
internal sealed record CardReader(string Origin, string? CardId, JsonElement Element, string Path)
{
    public const int MaxText = 2000;

    public CardInvalid Fail(string field, string problem) => new(Origin, CardId, Join(field), problem);

    private string Join(string field) => Path.Length == 0 ? field : field.StartsWith('[') ? Path + field : $"{Path}.{field}";

    private JsonElement? Get(string field)
    {
        if (Element.ValueKind != JsonValueKind.Object) throw new CardInvalid(Origin, CardId, Path.Length == 0 ? "$" : Path, "must be an object");
        return Element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private JsonElement Required(string field, JsonValueKind kind)
    {
        var value = Get(field) ?? throw Fail(field, "is required");
        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
            throw Fail(field, $"must be {kind.ToString().ToLowerInvariant()}");
        return value;
    }

    public string Text(string field)
    {
        var text = Required(field, JsonValueKind.String).GetString()!.Trim();
        if (text.Length == 0) throw Fail(field, "must not be empty");
        if (text.Length > MaxText) throw Fail(field, $"is longer than {MaxText} characters");
        return text;
    }

    public string? OptionalText(string field) => Get(field) is null ? null : Text(field);

    public int Int(string field)
    {
        var value = Required(field, JsonValueKind.Number);
        return value.TryGetInt32(out var n) ? n : throw Fail(field, "must be a whole number");
    }

    public bool Has(string field) => Get(field) is not null;

    public bool? OptionalBool(string field) => Get(field) is null ? null : Required(field, JsonValueKind.True).GetBoolean();

    public string Url(string field)
    {
        var url = Text(field);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? url : throw Fail(field, "must be an http(s) address");
    }

    public Triage Triage(string field)
    {
        var text = Text(field);
        try { return CardParser.ParseTriage(text); }
        catch (FormatException) { throw Fail(field, $"'{text}' is not a triage colour (merah, kuning, hijau, hitam)"); }
    }

    /// <summary>A text in both languages: <c>{ "id": "...", "en": "..." }</c>; <paramref name="field"/> null for this object itself.</summary>
    public LocalText Local(string? field)
    {
        var local = field is null ? this : Object(field);
        return new LocalText(local.Text("id"), local.Text("en"));
    }

    public CardReader Object(string field)
    {
        var value = Required(field, JsonValueKind.Object);
        return this with { Element = value, Path = Join(field) };
    }

    public IEnumerable<CardReader> Array(string field, int max)
    {
        var value = Required(field, JsonValueKind.Array);
        if (value.GetArrayLength() > max) throw Fail(field, $"at most {max} items");
        return value.EnumerateArray().Select((item, i) => this with { Element = item, Path = Join(field) + $"[{i}]" }).ToList();
    }

    public IReadOnlyList<string> Strings(string field) =>
        Array(field, 50).Select(item => item.Element.ValueKind == JsonValueKind.String && item.Element.GetString()!.Trim().Length > 0
            ? item.Element.GetString()!.Trim()
            : throw new CardInvalid(Origin, CardId, item.Path, "must be a non-empty text")).ToList();

    public IEnumerable<(string Name, JsonElement Value)> Properties() =>
        Element.EnumerateObject().Select(p => (p.Name, p.Value)).ToList();
}
