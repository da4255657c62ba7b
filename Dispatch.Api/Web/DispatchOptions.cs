namespace Dispatch.Api.Web;

/// <summary>Configuration section "Dispatch": how long operators wait for a crew before being alerted.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>A response not acknowledged by its crew this long after the unit was notified is flagged to operators with a sound.</summary>
    public int AcknowledgeTimeoutSeconds { get; set; } = 60;
}
