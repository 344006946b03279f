namespace DurableLessons.Research.Sources.GitHub;

/// <summary>GET /search/repositories: <c>{"total_count","incomplete_results","items":[repository...]}</c>.</summary>
internal sealed record GitHubSearchResponse(int TotalCount, bool IncompleteResults, IReadOnlyList<GitHubRepository>? Items);

internal sealed record GitHubRepository(
    string? FullName,
    string? HtmlUrl,
    string? Description,
    IReadOnlyList<string>? Topics,
    string? Language,
    int StargazersCount,
    bool Archived);
