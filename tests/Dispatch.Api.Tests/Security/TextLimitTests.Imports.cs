using System.Net;
using Dispatch.Api.Tests.Infrastructure;

namespace Dispatch.Api.Tests.Security;

/// <summary>Saved history-import mappings (issue 16): the name, and the mapping JSON as sent.</summary>
public sealed partial class TextLimitTests
{
    private const string ValidMapping = """{"columns":{"No":"externalId","Waktu":"callReceived"}}""";

    private async Task<(HttpStatusCode, string?)> ImportMappingNameAsync(string name)
    {
        using var office = await Api.AsAsync("dinkes1");
        using var response = await office.PutAsync($"/api/imports/mappings/{Uri.EscapeDataString(name)}", ApiClient.RawJson(ValidMapping));
        await RememberProblemAsync(response);
        return (response.StatusCode, Column<string>("SELECT name FROM import_mappings WHERE name = @Name", new { Name = name }));
    }

    /// <summary>
    /// The mapping is JSON, so the value goes in as a mapped column's header, padded to exactly the
    /// value's length of JSON; the stored JSON is compared whole and stands for the value when equal.
    /// </summary>
    private async Task<(HttpStatusCode, string?)> ImportMappingAsync(string value)
    {
        const string head = """{"columns":{"No":"externalId","Waktu":"callReceived",""", tail = "\":\"complaint\"}}";
        var json = head + "\"" + value[..(value.Length - head.Length - tail.Length - 1)] + tail;
        var name = Tag("map");
        using var office = await Api.AsAsync("dinkes1");
        using var response = await office.PutAsync($"/api/imports/mappings/{name}", ApiClient.RawJson(json));
        await RememberProblemAsync(response);
        var stored = Column<string>("SELECT mapping FROM import_mappings WHERE name = @Name", new { Name = name });
        return (response.StatusCode, stored == json ? value : stored);
    }

    /// <summary>As <see cref="SendAsync"/> does for JSON bodies: the fields a 400 names (the body here is sent as raw text).</summary>
    private async Task RememberProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), text);
        LastProblemFields = response.StatusCode == HttpStatusCode.BadRequest && System.Text.Json.JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(e => e.Name)]
            : [];
    }
}
