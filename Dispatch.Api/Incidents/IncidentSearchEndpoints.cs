using System.Globalization;
using Dispatch.Api.Audit;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Core.Calls;

namespace Dispatch.Api.Incidents;

/// <summary>GET /api/incidents/search: the caller rings back and the operator finds the incident in seconds.</summary>
public static class IncidentSearchEndpoints
{
    public const int MaxQueryLength = 200;

    public static void MapIncidentSearch(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/incidents/search", Search).RequireAuthorization(Policies.Operators).WithTags("Incidents")
            .Produces<IncidentSearchPage>()
            .ProducesValidationProblem()
            .WithSummary("Incidents, active and closed, newest call first, 20 a page (page 1-based; hasMore): phone = a caller number in any " +
                         "format (normalised as ingest does; any call attached to the incident), q = words that must each appear in the " +
                         "address or complaint (case-insensitive, at most 5), from/to = WIB days (YYYY-MM-DD, both inclusive) or ISO-8601 " +
                         "times with offset, on the time the call came in. At least one is required.");

    private static async Task<IResult> Search(string? phone, string? q, string? from, string? to, string? page,
        IncidentSearch search, CurrentUser user, AccessLog access, CancellationToken ct)
    {
        var v = new Validation();
        var number = Number(phone, v);
        var words = Words(q, v);
        var start = WibTime.Parse(from, "from", endOfDay: false, v);
        var end = WibTime.Parse(to, "to", endOfDay: true, v);
        v.Check(start is null || end is null || end > start, "to", "'to' must not be before 'from'.");
        var pageNumber = 1;
        v.Check(string.IsNullOrEmpty(page) || (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber)
            && pageNumber is >= 1 and <= IncidentSearch.MaxPage), "page", $"'page' is a number from 1 to {IncidentSearch.MaxPage}.");
        v.Check(!string.IsNullOrWhiteSpace(phone) || !string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to),
            "phone", "Give at least one of 'phone', 'q', 'from' or 'to'.");
        if (v.Problem is { } invalid) return invalid;
        var found = await search.FindAsync(new SearchCriteria(number, words, start, end, pageNumber), ct);
        // One record per incident shown, naming the kinds of criteria used, never their values.
        string[] criteria = [.. new[] { (number, "phone"), (words.Count > 0 ? "q" : null, "words"), (from, "from"), (to, "to") }
            .Where(c => !string.IsNullOrWhiteSpace(c.Item1)).Select(c => c.Item2)];
        await access.RecordAsync(user.Name, AccessActions.IncidentSearch, found.Items.Select(i => i.Id), new { criteria, page = pageNumber }, ct);
        return TypedResults.Ok(found);
    }

    /// <summary>The number as ingest stores it: E.164 when it parses, else as typed (an unparseable number is stored verbatim).</summary>
    private static string? Number(string? phone, Validation v)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        v.MaxLength("phone", phone, 100);
        var normalised = CallerNumber.Normalize(phone.Trim());
        if (normalised.Flag == CallFlags.NumberWithheld || normalised.Value is null)
        {
            v.Add("phone", "'phone' is a telephone number.");
            return null;
        }
        return normalised.Value;
    }

    private static IReadOnlyList<string> Words(string? q, Validation v)
    {
        if (string.IsNullOrWhiteSpace(q)) return [];
        v.MaxLength("q", q, MaxQueryLength);
        var words = q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        v.Check(words.Count <= IncidentSearch.MaxWords, "q", $"'q' has at most {IncidentSearch.MaxWords} words.");
        return words.Take(IncidentSearch.MaxWords).ToList();
    }
}
