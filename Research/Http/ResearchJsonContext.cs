using System.Text.Json.Serialization;
using DurableLessons.Research.Sources.DevTo;
using DurableLessons.Research.Sources.Docs;
using DurableLessons.Research.Sources.GitHub;
using DurableLessons.Research.Sources.StackExchange;
using DurableLessons.Research.Sources.Wikipedia;

namespace DurableLessons.Research.Http;

/// <summary>Source-generated readers for the wire shapes of every web source (all use snake_case names).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WikipediaSearchResponse))]
[JsonSerializable(typeof(WikipediaSummary))]
[JsonSerializable(typeof(StackExchangeResponse))]
[JsonSerializable(typeof(GitHubSearchResponse))]
[JsonSerializable(typeof(List<DevToArticle>))]
[JsonSerializable(typeof(DocsSearchResponse))]
internal sealed partial class ResearchJsonContext : JsonSerializerContext;
