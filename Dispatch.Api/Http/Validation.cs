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

    public Validation MaxLength(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? Add(field, $"'{field}' is longer than {maxLength} characters.") : this;

    public Validation Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    public Validation Add(string field, string message)
    {
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }
}
