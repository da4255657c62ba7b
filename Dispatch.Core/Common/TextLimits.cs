namespace Dispatch.Core.Common;

/// <summary>
/// The one maximum length (UTF-16 code units, as .NET and SQL Server count; PostgreSQL counts code
/// points, never more) of every text the system stores. Request validation, the domain guards and
/// the column sizes of all three schemas use these numbers; a test writes a value of exactly each
/// length through the API on every database, so a schema that disagrees fails CI.
/// </summary>
public static class TextLimits
{
    /// <summary>The telephony system's call id (<c>calls.external_id</c>).</summary>
    public const int ExternalId = 200;
    /// <summary>The caller's number as stored (<c>calls.caller_number</c>); a longer one is kept in part and flagged.</summary>
    public const int CallerNumber = 100;
    /// <summary>Address or landmark of an incident (<c>incidents.address</c>).</summary>
    public const int Address = 2000;
    /// <summary>The complaint (<c>incidents.complaint</c>), also from the history import.</summary>
    public const int Complaint = 4000;
    /// <summary>Why an incident was cancelled (<c>incidents.cancel_reason</c>).</summary>
    public const int CancelReason = 1000;
    /// <summary>Why a unit was released from an incident or its crew declined (<c>responses.end_note</c>).</summary>
    public const int ResponseReason = 1000;
    /// <summary>A note on an incident by an operator or a crew (<c>incident_notes.text</c>).</summary>
    public const int Note = 2000;
    public const int CallSign = 50;
    public const int Plate = 50;
    /// <summary>A station's or facility's name (<c>stations.name</c>).</summary>
    public const int StationName = 200;
    /// <summary>A facility's own code, e.g. its Kemenkes hospital code (<c>stations.code</c>).</summary>
    public const int FacilityCode = 40;
    /// <summary>A user name (<c>users.user_name</c>, and every actor column: answered_by, created_by, offered_by, actor).</summary>
    public const int UserName = 100;
    public const int DisplayName = 200;
    /// <summary>A saved history-import mapping's name (<c>import_mappings.name</c>).</summary>
    public const int ImportMappingName = 100;
    /// <summary>A saved history-import mapping, its JSON as sent (<c>import_mappings.mapping</c>).</summary>
    public const int ImportMapping = 100_000;

    // Patient records (issue 15): patients.*. Ids are tokens, not texts: PatientFields.MaxIdLength.
    /// <summary>The patient's name as the crew heard it (<c>patients.name</c>).</summary>
    public const int PatientName = 200;
    /// <summary>One treatment given, a short text (one item of <c>patients.treatments</c>).</summary>
    public const int Treatment = 200;
    /// <summary>A SISRUTE referral reference (<c>patients.sisrute_ref</c>).</summary>
    public const int SisruteRef = 64;
    /// <summary>The name of the staff member who received the patient (<c>patients.received_by</c>).</summary>
    public const int ReceivedBy = 200;
    /// <summary>The label of a what-if simulation (<c>planning_simulations.name</c>).</summary>
    public const int SimulationName = 200;
    /// <summary>The key of a station a scenario adds (kept inside <c>planning_simulations.request</c>).</summary>
    public const int SimulationKey = 50;

    /// <summary>A domain guard: refuses a text longer than its maximum (the request validation says so first, as a 400).</summary>
    public static void Ensure(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            throw new RuleViolation("text-too-long", $"'{field}' is longer than {max} characters.");
    }

    /// <summary>
    /// The first <paramref name="max"/> code units of <paramref name="value"/>, never cutting a
    /// surrogate pair in half (a lone surrogate is not valid UTF-8 for PostgreSQL).
    /// </summary>
    public static string Clip(string value, int max)
    {
        if (value.Length <= max) return value;
        var end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..end];
    }

    /// <summary>
    /// A text as every database can store it: NUL (which PostgreSQL refuses in text) becomes
    /// U+FFFD, the replacement character. Used where a text must never be refused (ingest).
    /// </summary>
    public static string Storable(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;
}
