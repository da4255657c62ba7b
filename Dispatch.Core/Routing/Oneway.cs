namespace Dispatch.Core.Routing;

/// <summary>Which ways a road may be driven, relative to the order of its coordinates.</summary>
[Flags]
public enum Direction { None = 0, Forward = 1, Backward = 2, Both = Forward | Backward }

public static class Oneway
{
    /// <summary>
    /// OSM semantics: <c>oneway=yes|true|1</c> one-way along the drawing, <c>-1|reverse</c> against
    /// it, <c>no|false|0</c> both ways; a roundabout (<c>junction=roundabout|circular</c>) is one-way
    /// along the drawing unless tagged otherwise. Anything else ("reversible", "alternating":
    /// time-dependent) is treated as both ways; <paramref name="understood"/> is then false.
    /// </summary>
    public static Direction Of(string? oneway, string? junction, out bool understood)
    {
        understood = true;
        switch (oneway?.Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "1": return Direction.Forward;
            case "-1" or "reverse": return Direction.Backward;
            case "no" or "false" or "0": return Direction.Both;
            case null or "":
                return junction?.Trim().ToLowerInvariant() is "roundabout" or "circular" ? Direction.Forward : Direction.Both;
            default:
                understood = false;
                return Direction.Both;
        }
    }
}
