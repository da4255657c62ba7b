using Dispatch.Api.Auth;
using Dispatch.Core.Calls;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// Test data with sensible defaults; every test names only what it is about. Names that the schema
/// keeps unique get a fresh suffix, so tests sharing one database never collide. Time points
/// carry milliseconds (the stored precision) and a non-UTC offset, so a round trip shows both the
/// millisecond precision and the conversion to UTC.
/// </summary>
public static class Build
{
    public const string Operator = "op-siti";

    /// <summary>When the test clock (write sessions' <c>Now</c>) starts.</summary>
    public static readonly DateTimeOffset WriteClockStart = new(2025, 3, 14, 9, 0, 0, 250, TimeSpan.Zero);

    /// <summary>A call received at 15:15:30.123 WIB (08:15:30.123 UTC).</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2025, 3, 14, 15, 15, 30, 123, TimeSpan.FromHours(7));

    public static readonly DateTimeOffset AnsweredAt = ReceivedAt.AddMilliseconds(9_517);

    public static readonly DateTimeOffset IncidentCreatedAt = AnsweredAt.AddMilliseconds(42_089);

    /// <summary>A value unique to this run, short enough for every column it goes into.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("n")[..16]}";

    public static CallRecord Call(
        string? externalId = null, string? callerNumber = "0812-3456-7890",
        double? lat = -0.7912345678901, double? lon = 100.6543210987654, double? accuracyMeters = 12.75,
        IEnumerable<string>? intakeFlags = null) =>
        CallRecord.Receive(externalId ?? Unique("call"), callerNumber, ReceivedAt, CallSource.Ncc, lat, lon, accuracyMeters,
            now: ReceivedAt.AddMilliseconds(311), intakeFlags);

    public static IncidentDetails Details() => new(
        new GeoPoint(-0.7801234567, 100.6612345678),
        new AreaMatch(new Area("13.72.01.1001", "Kampung Jawa"), new Area("13.72.01", "Tanjung Harapan")),
        "Jl. Sudirman No. 12", "Sesak napas, nyeri dada", IsEmergency: true, IncidentCategory.NonTrauma, Triage.Merah, PatientCount: 2);

    /// <summary>Opens an incident from an answered, stored call (as the operator who answered it).</summary>
    public static Incident Incident(CallRecord answeredCall) =>
        Core.Incidents.Incident.Open(answeredCall, Details(), answeredCall.AnsweredBy!, IncidentCreatedAt);

    public static Unit Unit(long? homeStationId) => new(Unique("AMB"), "BA 1191 QZ", UnitType.Als, homeStationId);

    public static Station Station(StationKind kind = StationKind.Hospital) =>
        new(0, Unique("RSUD Solok"), kind, -0.7923456789012, 100.6534567890123, IsSample: true);

    public static UserAccount User(long? unitId) => new()
    {
        UserName = Unique("crew"),
        DisplayName = "Rahmat Hidayat",
        Role = "crew",
        UnitId = unitId,
        PasswordHash = "pbkdf2$sha256$600000$c2FsdA==$aGFzaA==",
        Disabled = true,
    };
}

/// <summary>Strictly increasing time points, each a whole millisecond, for a chain of transitions.</summary>
public sealed class TimeLine(DateTimeOffset after)
{
    private int _step;

    public DateTimeOffset Next() => after.AddMilliseconds(++_step * 61_007);
}
