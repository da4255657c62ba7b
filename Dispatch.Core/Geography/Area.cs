namespace Dispatch.Core.Geography;

/// <summary>An administrative area (kelurahan or kecamatan) with its Kepmendagri code.</summary>
public sealed record Area(string Code, string Name);

/// <summary>The kelurahan and kecamatan a point lies in; both null outside the city.</summary>
public sealed record AreaMatch(Area? Kelurahan, Area? Kecamatan)
{
    public static readonly AreaMatch None = new(null, null);
}
