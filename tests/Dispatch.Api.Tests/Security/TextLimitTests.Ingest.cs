using System.Net;
using Dispatch.Api.Tests.Infrastructure;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;

namespace Dispatch.Api.Tests.Security;

/// <summary>Ingest keeps every call whatever the lengths of its texts: what does not fit is kept in part and flagged.</summary>
public sealed partial class TextLimitTests
{
    [TestCase(TextLimits.CallerNumber + 1)]
    [TestCase(5000)]
    public async Task A_number_too_long_to_keep_whole_is_kept_in_part_and_flagged(int length)
    {
        var number = Text(length, "nomor");
        var externalId = $"long-number-{Guid.NewGuid():n}";

        var (status, stored) = await IngestAsync(new { externalId, callerNumber = number, receivedAt = "2026-11-20T14:05:00+07:00" }, "caller_number");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), $"the call is stored on {Database}");
        Assert.That(stored, Is.EqualTo(number[..TextLimits.CallerNumber]), "its beginning is kept");
        var flags = FlagsOf(LastBody);
        Assert.That(flags, Does.Contain(CallFlags.NumberTruncated).And.Contain(CallFlags.NumberUnparseable));
        using var op = await Api.AsAsync("operator1");
        var queue = await ApiClient.OkJsonAsync(await op.GetAsync("/api/calls"));
        Assert.That(queue.EnumerateArray().Any(c => c.GetProperty("externalId").GetString() == externalId), "the operator sees the call");
    }

    [Test]
    public async Task A_number_sent_as_a_huge_json_number_is_kept_in_part_and_flagged()
    {
        using var telephony = Api.Telephony();
        var digits = new string('9', 5000);
        var response = await telephony.PostAsync("/api/calls", ApiClient.RawJson(
            $$"""{"externalId":"huge-number-{{Guid.NewGuid():n}}","callerNumber":{{digits}},"receivedAt":"2026-11-20T14:05:00+07:00"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var call = await ApiClient.OkJsonAsync(response);
        Assert.That(call.GetProperty("callerNumber").GetString(), Is.EqualTo(digits[..TextLimits.CallerNumber]));
        Assert.That(FlagsOf(call), Does.Contain(CallFlags.NumberTruncated));
    }

    [Test]
    public async Task A_number_with_a_nul_or_a_cut_emoji_is_stored_on_every_database()
    {
        // 99 letters then an emoji (two UTF-16 units): cutting at 100 would leave half of it.
        var number = new string('n', TextLimits.CallerNumber - 1) + "\ud83d\ude91" + "\u0000tail";
        var (status, stored) = await IngestAsync(new { externalId = $"odd-number-{Guid.NewGuid():n}", callerNumber = number, receivedAt = "2026-11-20T14:05:00+07:00" }, "caller_number");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(stored, Is.EqualTo(new string('n', TextLimits.CallerNumber - 1)), "cut before the emoji, never inside it");
    }

    [Test]
    public async Task An_external_id_too_long_to_keep_whole_is_shortened_flagged_and_still_deduplicated()
    {
        var longId = Text(TextLimits.ExternalId + 50, Guid.NewGuid().ToString("n"));
        var sibling = longId[..^1] + "!"; // differs only after the part that is kept
        var body = new { externalId = longId, callerNumber = "081234567890", receivedAt = "2026-11-20T14:05:00+07:00" };

        var (first, stored) = await IngestAsync(body, "external_id");
        var firstId = LastBody.GetProperty("id").GetInt64();
        var flags = FlagsOf(LastBody);
        using var telephony = Api.Telephony();
        var retry = await SendAsync(telephony, "/api/calls", body);
        var retryId = LastBody.GetProperty("id").GetInt64();
        var (other, _) = await IngestAsync(body with { externalId = sibling }, "external_id");
        var otherId = LastBody.GetProperty("id").GetInt64();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.Created), "stored, not refused");
            Assert.That(stored, Has.Length.LessThanOrEqualTo(TextLimits.ExternalId).And.StartWith(longId[..150]));
            Assert.That(flags, Does.Contain(CallFlags.ExternalIdShortened));
            Assert.That((retry, retryId), Is.EqualTo((HttpStatusCode.OK, firstId)), "a retry of the same long id finds the stored call");
            Assert.That(other, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(otherId, Is.Not.EqualTo(firstId), "another long id with the same beginning is another call");
        });
    }

    private static string[] FlagsOf(System.Text.Json.JsonElement call) =>
        [.. call.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!)];
}
