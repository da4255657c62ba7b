namespace Dispatch.Core.Common;

/// <summary>
/// A domain rule refused an action (an illegal transition, a call already claimed).
/// The message is the reason shown to the user; it never contains personal data.
/// </summary>
public sealed class RuleViolation(string code, string reason, IReadOnlyDictionary<string, object?>? facts = null) : Exception(reason)
{
    /// <summary>Stable machine-readable code, e.g. <c>illegal-transition</c>.</summary>
    public string Code { get; } = code;

    /// <summary>What a program needs to act on the refusal (e.g. the incident holding a unit); never personal data.</summary>
    public IReadOnlyDictionary<string, object?> Facts { get; } = facts ?? new Dictionary<string, object?>();
}

/// <summary>The row changed since it was read (optimistic concurrency).</summary>
public sealed class ConcurrencyConflict(string what) : Exception($"{what} was changed by someone else; reload and try again.");

/// <summary>The thing asked for does not exist (or is not visible to the caller).</summary>
public sealed class NotFound(string what) : Exception($"{what} was not found.");

/// <summary>The caller may not see or do this (a crew asking about another unit's incident).</summary>
public sealed class Forbidden(string reason) : Exception(reason);
