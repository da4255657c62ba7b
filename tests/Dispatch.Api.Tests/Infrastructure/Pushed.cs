using System.Text.Json;

namespace Dispatch.Api.Tests.Infrastructure;

/// <summary>An event as a client receives it from the hub or from /api/events.</summary>
public sealed record Pushed(long Seq, string Type, DateTimeOffset At, JsonElement Data)
{
    public string? Str(string property) => Data.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public long? Long(string property) => Data.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
}
