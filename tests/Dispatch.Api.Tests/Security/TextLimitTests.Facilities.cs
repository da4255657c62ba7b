using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Dispatch.Api.Tests.Security;

/// <summary>The facility code (issue 15) is written by the bulk bed data import, which creates the facility on request.</summary>
public sealed partial class TextLimitTests
{
    private async Task<(HttpStatusCode, string?)> FacilityCodeAsync(string code)
    {
        using var admin = await Api.AsAsync("admin");
        var name = Tag("RS");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"kode,nama,lat,lon,igd\n\"{code}\",{name},-0.79,100.65,1\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "beds.csv");
        using var response = await admin.PostAsync("/api/admin/facilities/import?create=true", form);
        return (response.StatusCode, Column<string>("SELECT code FROM stations WHERE name = @Name", new { Name = name }));
    }
}
