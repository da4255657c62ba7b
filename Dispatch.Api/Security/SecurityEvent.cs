namespace Dispatch.Api.Security;

/// <summary>
/// One security event: what (<see cref="Kind"/>, one of <see cref="SecurityEventKinds"/>), who
/// (a user name, a telephony sender, or null for an unknown name), from which client address,
/// when (UTC), and short details (ids, paths, codes: never a caller's number, name, address or complaint).
/// </summary>
public sealed record SecurityEvent(string Kind, DateTimeOffset At, string? Actor, string? Address, object? Details);

/// <summary>A stored security event as the API returns it.</summary>
public sealed record SecurityEventView(long Id, DateTimeOffset At, string Kind, string? Actor, string? Address, System.Text.Json.JsonElement? Details);
