using Dispatch.Api.Http;

namespace Dispatch.Api.Auth;

/// <summary>
/// One rule for every password a person chooses or is given (creation, reset, change, the
/// create-user command): 12 to 128 characters and not on the shipped list of common passwords
/// (zxcvbn's 30,000 most common, Auth/CommonPasswords). Sign-in takes up to 128 characters.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>Why the password is refused, or null when it may be used.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or { Length: < MinLength } => $"needs at least {MinLength} characters.",
        { Length: > MaxLength } => $"is longer than {MaxLength} characters.",
        _ when IsCommon(password) => "is on the list of common passwords; choose another.",
        _ => null,
    };

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    /// <summary>Adds the policy's verdict on <paramref name="password"/> under <paramref name="field"/>.</summary>
    public static Validation Password(this Validation validation, string field, string? password) =>
        Problem(password) is { } problem ? validation.Add(field, $"'{field}' {problem}") : validation;

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Dispatch.Api.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not in the assembly.");
        using var reader = new StreamReader(stream);
        var list = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length >= MinLength) list.Add(line); // shorter ones are refused by length already
        return list;
    }
}
