using System.Text.Json;
using Dispatch.Api.Database;

namespace Dispatch.Api.Http;

/// <summary>
/// Reads a JSON body with a size limit and turns every way it can be wrong into a ProblemDetails
/// naming the field: 413 when too large, 400 for malformed JSON or a value of the wrong type.
/// </summary>
public static class RequestBody
{
    public readonly record struct Result<T>(T? Value, IResult? Problem);

    public static async Task<Result<T>> ReadAsync<T>(HttpContext http, int maxBytes) where T : class
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes) return new(null, TooLarge(maxBytes));
        if (request.HasJsonContentType() is false)
            return new(null, TypedResults.Problem("The body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType,
                extensions: ProblemMapping.Code("json-required")));

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return new(null, TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return new(null, Invalid("$", "A JSON body is required."));
        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        JsonEscapes.RepairLoneSurrogates(json);
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Json.Options);
            return value is null ? new(null, Invalid("$", "A JSON object is required.")) : new(value, null);
        }
        catch (JsonException error)
        {
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "$" : error.Path.TrimStart('$', '.');
            return new(null, Invalid(field, field == "$" ? "The body is not valid JSON." : $"The value of '{field}' is malformed or of the wrong type."));
        }
    }

    /// <summary>Reads the body, validates it, and hands a valid one to <paramref name="handle"/>.</summary>
    public static async Task<IResult> HandleAsync<T>(HttpContext http, int maxBytes, Func<T, Validation> validate, Func<T, Task<IResult>> handle) where T : class
    {
        var body = await ReadAsync<T>(http, maxBytes);
        if (body.Problem is not null) return body.Problem;
        return validate(body.Value!).Problem ?? await handle(body.Value!);
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
            extensions: ProblemMapping.Code("payload-too-large"));
}
