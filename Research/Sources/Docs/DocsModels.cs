namespace DurableLessons.Research.Sources.Docs;

/// <summary>
/// The shape a documentation site's search endpoint returns (documented in Research/README.md):
/// <c>{"results":[{"title":"…","url":"…","text":"…","score":1.5}]}</c>. <c>url</c> may be relative to the base URL;
/// <c>score</c> is optional (higher is better).
/// </summary>
internal sealed record DocsSearchResponse(IReadOnlyList<DocsSearchResult>? Results);

internal sealed record DocsSearchResult(string? Title, string? Url, string? Text, double? Score);
