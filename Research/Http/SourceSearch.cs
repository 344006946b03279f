using DurableLessons.Research.Configuration;
using DurableLessons.Shared.Research;

namespace DurableLessons.Research.Http;

/// <summary>One search in progress: the client, the source's settings, the query, its keywords and the result limit.</summary>
internal sealed record SourceSearch(HttpClient Client, ResearchSourceSettings Settings, ResearchQuery Query, string Keywords, int Limit);
