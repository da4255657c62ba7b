using Dispatch.Api.Database;

namespace Dispatch.Api.Privacy;

/// <summary>
/// The sealing keys, one per subject (<c>i:&lt;incident id&gt;</c>, <c>c:&lt;call id&gt;</c>), in
/// <c>subject_keys</c>. Destroying a subject's key erases every sealed copy of its personal data.
/// </summary>
public static class SubjectKeys
{
    private static readonly SqlText Find = SqlText.Of("SubjectKeys.Find", d =>
        $"SELECT subject, sealing_key FROM subject_keys WHERE {d.InList("subject", "@Subjects")}");

    // Two writers creating the same subject's key at once: the second one keeps the first one's.
    private static readonly SqlText Create = SqlText.Of("SubjectKeys.Create", d => d.Name == "sqlserver"
        ? "IF NOT EXISTS (SELECT 1 FROM subject_keys WITH (UPDLOCK, HOLDLOCK) WHERE subject = @Subject) " +
          "INSERT INTO subject_keys (subject, sealing_key, created_at) VALUES (@Subject, @Key, @At)"
        : "INSERT INTO subject_keys (subject, sealing_key, created_at) VALUES (@Subject, @Key, @At) ON CONFLICT (subject) DO NOTHING");

    private static readonly SqlText Destroy = SqlText.Of("SubjectKeys.Destroy", d =>
        $"DELETE FROM subject_keys WHERE {d.InList("subject", "@Subjects")}");

    /// <summary>The keys that exist among <paramref name="subjects"/> (one query).</summary>
    public static async Task<Dictionary<string, byte[]>> FindAsync(DbSession s, IReadOnlyCollection<string> subjects)
    {
        if (subjects.Count == 0) return new(StringComparer.Ordinal);
        var rows = await s.QueryAsync<(string Subject, byte[] Key)>(Find, new { Subjects = subjects.ToArray() });
        return rows.ToDictionary(r => r.Subject, r => r.Key, StringComparer.Ordinal);
    }

    /// <summary>The keys of <paramref name="subjects"/>, creating the missing ones in this transaction.</summary>
    public static async Task<Dictionary<string, byte[]>> FindOrCreateAsync(DbSession s, IReadOnlyCollection<string> subjects)
    {
        var keys = await FindAsync(s, subjects);
        var missing = subjects.Where(x => !keys.ContainsKey(x)).ToList();
        if (missing.Count == 0) return keys;
        foreach (var subject in missing)
            await s.ExecuteAsync(Create, new { Subject = subject, Key = Sealer.NewKey(), At = s.Now.ToUnixTimeMilliseconds() });
        foreach (var (subject, key) in await FindAsync(s, missing)) keys[subject] = key;
        return keys;
    }

    /// <summary>Destroys the keys of <paramref name="subjects"/>; returns how many existed.</summary>
    public static Task<int> DestroyAsync(DbSession s, IReadOnlyCollection<string> subjects) =>
        subjects.Count == 0 ? Task.FromResult(0) : s.ExecuteAsync(Destroy, new { Subjects = subjects.ToArray() });
}
