namespace DurableLessons.Http.Auth;

/// <summary>
/// Whom a request acts for. <see cref="IsSignedIn"/>: the learner of a bearer token, who sees only their own sessions
/// and syllabi. Otherwise sign-in is off (today's anonymous use) or a system-key caller acts for the learner it names,
/// and nothing is filtered.
/// </summary>
public sealed record Learner(string Key, bool IsSignedIn)
{
    /// <summary>Whether this learner may see what <paramref name="ownerKey"/> owns (404 otherwise, so ids do not leak).</summary>
    public bool Owns(string ownerKey) => !IsSignedIn || string.Equals(Key, ownerKey, StringComparison.Ordinal);
}
