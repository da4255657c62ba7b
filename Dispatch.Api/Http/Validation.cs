namespace Dispatch.Api.Http;

/// <summary>Collects field errors and turns them into one validation ProblemDetails (400).</summary>
public sealed class Validation
{
    private readonly Dictionary<string, string[]> _errors = [];

    public IResult? Problem => _errors.Count == 0 ? null : TypedResults.ValidationProblem(_errors, title: "The request is not valid.");

    public Validation Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, $"'{field}' is required.");
        return MaxLength(field, value, maxLength);
    }

    /// <summary>
    /// At most <paramref name="maxLength"/> UTF-16 code units (the column's size: see TextLimits) and
    /// no NUL, which PostgreSQL refuses in text: either is a 400 naming the field, never a 500.
    /// </summary>
    public Validation MaxLength(string field, string? value, int maxLength) => value switch
    {
        null => this,
        { Length: var n } when n > maxLength => Add(field, $"'{field}' is longer than {maxLength} characters."),
        _ when value.Contains('\0', StringComparison.Ordinal) => Add(field, $"'{field}' contains a NUL character."),
        _ => this,
    };

    public Validation Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    public Validation Add(string field, string message)
    {
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }
}
