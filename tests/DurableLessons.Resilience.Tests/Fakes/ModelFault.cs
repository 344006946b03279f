namespace DurableLessons.Resilience.Tests.Fakes;

/// <summary>How the fake chat-completions server answers one request.</summary>
public enum ModelFault
{
    /// <summary>A valid reply for the step.</summary>
    None,

    /// <summary>429 with <c>Retry-After: 1</c>.</summary>
    RateLimited,

    /// <summary>500 with an OpenAI-style error body.</summary>
    ServerError,

    /// <summary>Never answers (until the client gives up or the server stops).</summary>
    Hang,

    /// <summary>200 whose chat-completion body is cut off half-way.</summary>
    TruncatedJson,

    /// <summary>A well-formed chat completion whose content is JSON that does not follow the step's schema.</summary>
    SchemaInvalidJson,
}
