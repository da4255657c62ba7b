namespace Dispatch.Core.Units;

public enum UnitType { Als, Bls, Transport }

public enum UnitStatus
{
    AvailableAtStation,
    AvailableOnRoad,
    Assigned,
    EnRoute,
    OnScene,
    Transporting,
    AtDestination,
    Returning,
    OutOfService,
}

public static class UnitStatusExtensions
{
    /// <summary>A unit that may be recommended and assigned.</summary>
    public static bool IsAvailable(this UnitStatus status) =>
        status is UnitStatus.AvailableAtStation or UnitStatus.AvailableOnRoad or UnitStatus.Returning;
}
