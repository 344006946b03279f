using System.Net;

namespace DurableLessons.Research;

/// <summary>A research source answered, but not usefully: an HTTP error, unreadable JSON, or no answer at all.</summary>
public sealed class ResearchSourceException(string source, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The research source that failed, e.g. "wikipedia".</summary>
    public string SourceName { get; } = source;

    public HttpStatusCode? StatusCode { get; } = statusCode;
}
