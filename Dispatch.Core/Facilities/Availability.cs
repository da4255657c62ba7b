using Dispatch.Core.Common;

namespace Dispatch.Core.Facilities;

/// <summary>The emergency department's status as the hospital reports it.</summary>
public enum EdStatus { Open, Busy, Full, Diverting }

/// <summary>
/// The kinds of bed a hospital reports free: igd (emergency department), icu, picu (paediatric
/// intensive care), nicu (neonatal intensive care: a separate unit in Indonesian hospitals and in
/// the national bed data, so a separate key), isolation, maternity, operatingTheatre.
/// </summary>
public static class BedKinds
{
    public static readonly IReadOnlyList<string> All = ["igd", "icu", "picu", "nicu", "isolation", "maternity", "operatingTheatre"];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);

    /// <summary>The field errors of a beds update: unknown kinds and negative counts, each named <c>beds.&lt;kind&gt;</c>.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(IReadOnlyDictionary<string, int>? beds)
    {
        foreach (var (kind, free) in beds ?? new Dictionary<string, int>())
        {
            if (!IsKnown(kind)) yield return ($"beds.{kind}", $"Unknown bed kind '{kind}'; one of {string.Join(", ", All)}.");
            else if (free < 0) yield return ($"beds.{kind}", $"Free beds of '{kind}' cannot be negative.");
        }
    }
}

/// <summary>A reported value and when (and by whom) it was last reported.</summary>
public sealed record Reported<T>(T Value, DateTimeOffset At, string By);

/// <summary>
/// What a hospital last reported: the emergency department's status and free beds per kind, each
/// with its own time. A partial update changes only what it names.
/// </summary>
public sealed record Availability(Reported<EdStatus>? EdStatus, IReadOnlyDictionary<string, Reported<int>> Beds)
{
    public static readonly Availability None = new(null, new Dictionary<string, Reported<int>>());

    /// <summary>The newest of the times; null when nothing was ever reported.</summary>
    public DateTimeOffset? UpdatedAt =>
        Beds.Values.Select(b => (DateTimeOffset?)b.At).Append(EdStatus?.At).Max();

    public bool IsReported => UpdatedAt is not null;

    /// <summary>A crew choosing this hospital is warned (the choice stays theirs): it is full or diverting.</summary>
    public bool WarnsCrew => EdStatus?.Value is Facilities.EdStatus.Full or Facilities.EdStatus.Diverting;

    /// <summary>
    /// Applies a (partial) report at <paramref name="at"/>. Every value named is stamped, changed or
    /// not: "still 3 free" is news too. Refuses unknown kinds and negative counts.
    /// </summary>
    public Availability Apply(EdStatus? status, IReadOnlyDictionary<string, int>? beds, string by, DateTimeOffset at)
    {
        if (BedKinds.Problems(beds).FirstOrDefault() is { Field: not null } problem)
            throw new RuleViolation("invalid-availability", problem.Message);
        if (status is null && (beds is null || beds.Count == 0))
            throw new RuleViolation("invalid-availability", "An availability report needs 'edStatus' or at least one bed kind.");
        var merged = new Dictionary<string, Reported<int>>(Beds, StringComparer.Ordinal);
        foreach (var (kind, free) in beds ?? new Dictionary<string, int>()) merged[kind] = new(free, at, by);
        return new(status is { } s ? new Reported<EdStatus>(s, at, by) : EdStatus, merged);
    }
}
