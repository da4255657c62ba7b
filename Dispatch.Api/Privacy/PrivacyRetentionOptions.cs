namespace Dispatch.Api.Privacy;

/// <summary>
/// How long personal data is kept (section <c>Retention</c>; UU 27/2022: no longer than needed).
/// The retention job's own options class carries the other keys of the same section.
/// </summary>
public sealed class PrivacyRetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a closed call that never became an incident (prank, abandoned, information) keeps its number and exact location.</summary>
    public int LoneCallNumberDays { get; set; } = 90;

    /// <summary>Days a closed or cancelled incident keeps its personal data; 0 keeps it.</summary>
    public int ClosedIncidentDays { get; set; } = 1825;
}
