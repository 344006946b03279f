namespace DurableLessons.Research.Sources.Wikipedia;

/// <summary>GET /w/rest.php/v1/search/page: <c>{"pages":[{"id","key","title","excerpt","matched_title","description","thumbnail"}]}</c>.</summary>
internal sealed record WikipediaSearchResponse(IReadOnlyList<WikipediaPage>? Pages);

/// <summary><see cref="Excerpt"/> is HTML with &lt;span class="searchmatch"&gt; highlights; <see cref="Key"/> is the URL form of the title.</summary>
internal sealed record WikipediaPage(long Id, string? Key, string? Title, string? Excerpt, string? Description);

/// <summary>GET /api/rest_v1/page/summary/{title}: the lead sentences as plain text plus the page's canonical links.</summary>
internal sealed record WikipediaSummary(string? Type, string? Title, string? Extract, string? Description, WikipediaContentUrls? ContentUrls);

internal sealed record WikipediaContentUrls(WikipediaPageUrls? Desktop);

internal sealed record WikipediaPageUrls(string? Page);
