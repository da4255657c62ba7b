using System.Text.Json.Serialization;

namespace Dispatch.Core.Incidents;

/// <summary>START triage colours used in Indonesian pre-hospital care.</summary>
public enum Triage { Merah, Kuning, Hijau, Hitam }

/// <summary>Dispatch priority; hitam (deceased) carries none.</summary>
public enum Priority
{
    None = 0,
    [JsonStringEnumMemberName("P1")] P1 = 1,
    [JsonStringEnumMemberName("P2")] P2 = 2,
    [JsonStringEnumMemberName("P3")] P3 = 3,
}

public enum IncidentCategory { NonTrauma, Trauma }

/// <summary>Response targets per triage colour (DOMAIN.md defaults; configurable).</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>Minutes from call to on scene; null means no target.</summary>
    public double? MerahTargetMinutes { get; set; } = 10;
    public double? KuningTargetMinutes { get; set; } = 30;
    public double? HijauTargetMinutes { get; set; }
    public double? HitamTargetMinutes { get; set; }

    public TimeSpan? Target(Triage triage) => (triage switch
    {
        Triage.Merah => MerahTargetMinutes,
        Triage.Kuning => KuningTargetMinutes,
        Triage.Hijau => HijauTargetMinutes,
        _ => HitamTargetMinutes,
    }) is { } minutes ? TimeSpan.FromMinutes(minutes) : null;
}

public static class TriageExtensions
{
    public static Priority Priority(this Triage triage) => triage switch
    {
        Triage.Merah => Incidents.Priority.P1,
        Triage.Kuning => Incidents.Priority.P2,
        Triage.Hijau => Incidents.Priority.P3,
        _ => Incidents.Priority.None,
    };
}
