using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DurableLessons.Research.Configuration;
using DurableLessons.Research.Text;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Http;

/// <summary>
/// What every web API source shares: its named client, its own deadline (the source's TimeoutSeconds, on top of the
/// caller's token), and the failure rules: an HTTP error, malformed JSON or an unreachable host throws a
/// <see cref="ResearchSourceException"/>, running out of time throws a <see cref="TimeoutException"/>, and the
/// caller's cancellation surfaces as <see cref="OperationCanceledException"/>. The caller records failures.
/// </summary>
internal abstract class HttpResearchSource(IHttpClientFactory clients, IOptions<ResearchOptions> options, ILogger logger) : IResearchSource
{
    /// <summary>Longest note text a web source keeps (trimmed at a sentence); the merge step trims further to its budget.</summary>
    public const int MaxNoteChars = 1500;

    private static readonly string[] ErrorMessageProperties = ["error_message", "message", "detail", "error", "title"];

    public abstract string Name { get; }

    protected ILogger Logger { get; } = logger;

    public async Task<IReadOnlyList<ResearchNote>> SearchAsync(ResearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value.For(Name);
        var keywords = ResearchQueryText.Keywords(query);
        if (keywords.Length == 0)
        {
            return [];
        }

        var limit = Math.Clamp(query.MaxResults, 1, settings.MaxResults);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        var client = clients.CreateClient(ResearchHttpClients.NameFor(Name));
        try
        {
            var notes = await SearchCoreAsync(new SourceSearch(client, settings, query, keywords, limit), deadline.Token);
            Logger.LogDebug("Research source {Source} found {NoteCount} notes for {Keywords}", Name, notes.Count, keywords);
            return notes;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Research source '{Name}' did not answer within {settings.Timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken != cancellationToken)
        {
            // Report the caller's own token, not the linked deadline's, so callers can tell their cancellation apart.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
    }

    protected abstract Task<IReadOnlyList<ResearchNote>> SearchCoreAsync(SourceSearch search, CancellationToken cancellationToken);

    /// <summary>A score from a result's position when the API gives none worth comparing: 1 for the first, falling evenly.</summary>
    protected static double RankScore(int rank, int count) => count <= 0 ? 0 : Math.Round((double)(count - rank) / count, 6);

    protected static string Query(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>GETs <paramref name="uri"/> and reads the JSON body; see the class summary for what throws.</summary>
    protected async Task<T> GetJsonAsync<T>(
        SourceSearch search,
        Uri uri,
        JsonTypeInfo<T> type,
        CancellationToken cancellationToken,
        Action<HttpRequestHeaders>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(uri);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        headers?.Invoke(request.Headers);

        HttpResponseMessage response;
        try
        {
            response = await search.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ResearchSourceException(Name, $"Research source '{Name}' could not be read from {uri.Host}: {ex.Message}", ex.StatusCode, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await ErrorDetailAsync(response, cancellationToken);
                throw new ResearchSourceException(
                    Name,
                    $"Research source '{Name}' answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}) for {uri.AbsolutePath}{detail}",
                    response.StatusCode);
            }

            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                await using (stream)
                {
                    return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken)
                        ?? throw new JsonException("The body is JSON null.");
                }
            }
            catch (JsonException ex)
            {
                throw new ResearchSourceException(Name, $"Research source '{Name}' answered malformed JSON for {uri.AbsolutePath}: {ex.Message}", response.StatusCode, ex);
            }
        }
    }

    /// <summary>": {message}" from a JSON error body (Stack Exchange's error_message, GitHub's message...), or nothing.</summary>
    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in ErrorMessageProperties)
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return $": {TextTrimmer.ToLength(value.GetString() ?? string.Empty, 300)}";
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, a proxy's text): the status code says enough.
        }

        return string.Empty;
    }
}
