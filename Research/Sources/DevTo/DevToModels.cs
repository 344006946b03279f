using System.Text.Json.Serialization;

namespace DurableLessons.Research.Sources.DevTo;

/// <summary>
/// One item of GET /api/articles (Forem API v1): <c>{"type_of":"article","id","title","description","url","tag_list",...}</c>.
/// </summary>
internal sealed record DevToArticle(
    long Id,
    string? Title,
    string? Description,
    string? Url,
    [property: JsonConverter(typeof(TagListConverter))] IReadOnlyList<string>? TagList,
    int PublicReactionsCount);
