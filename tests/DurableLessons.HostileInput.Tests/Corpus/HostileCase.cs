namespace DurableLessons.HostileInput.Tests.Corpus;

/// <summary>One hostile input: how to send it and what a correct host answers.</summary>
/// <param name="Family">The route family, e.g. "POST /api/lessons".</param>
/// <param name="Name">A readable, unique name: what is being sent.</param>
public sealed record HostileCase(string Family, string Name, HostileRequest Request, Expected Expected)
{
    public override string ToString() => $"{Family} | {Name}";
}

/// <summary>
/// What to send. <see cref="Raw"/> (bytes written as-is to the socket, for framing HttpClient refuses to produce)
/// wins over the other members; <see cref="Body"/> with <see cref="Chunked"/> is sent without Content-Length.
/// </summary>
public sealed record HostileRequest(
    string Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = "application/json",
    bool Chunked = false,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    bool WithoutSystemKey = false,
    byte[]? Raw = null);

/// <summary>The answer a correct host gives.</summary>
public abstract record Expected
{
    /// <summary>A problem+json 4xx; for validation failures <paramref name="Names"/> is the field or parameter it must name.</summary>
    public static Expected Problem(int status, string? names = null) => new ProblemAnswer(status, names);

    /// <summary>
    /// A bare 4xx that Kestrel writes itself while parsing the request, before any application code runs (so it
    /// cannot be problem+json); <paramref name="Why"/> says why this is the right answer.
    /// </summary>
    public static Expected ProtocolRejection(int status, string why) => new ProtocolAnswer(status, why);

    /// <summary>A legitimate success: the input is harmless and the answer says so (e.g. an injection that matches nothing).</summary>
    public static Expected Success(int status, string why, Func<string, bool> bodyIsRight) => new SuccessAnswer(status, why, bodyIsRight);
}

public sealed record ProblemAnswer(int Status, string? Names) : Expected;

public sealed record ProtocolAnswer(int Status, string Why) : Expected;

public sealed record SuccessAnswer(int Status, string Why, Func<string, bool> BodyIsRight) : Expected;
