namespace DurableLessons.Shared.Research;

public sealed record ResearchQuery(string Subject, string Topic, string Level, string Language, int MaxResults = 8);

/// <summary>
/// One piece of evidence. <see cref="Id"/> is 0 until the merge step numbers the kept notes 1..n; lesson sections
/// cite notes by that number.
/// </summary>
public sealed record ResearchNote(string Title, string Url, string Source, string Text, double Score, int Id = 0);

/// <summary>A research source: the local corpus, Wikipedia, Stack Exchange, GitHub, DEV Community, a documentation site.</summary>
public interface IResearchSource
{
    /// <summary>The configuration and wire name, e.g. "local", "wikipedia".</summary>
    string Name { get; }

    Task<IReadOnlyList<ResearchNote>> SearchAsync(ResearchQuery query, CancellationToken cancellationToken);
}

/// <summary>What one source returned, or why it returned nothing.</summary>
public sealed record SourceOutcome(string Source, IReadOnlyList<ResearchNote> Notes, string? Error, double ElapsedMs);

/// <summary>The merged, de-duplicated, ranked and trimmed notes a lesson is written from.</summary>
public sealed record ResearchPack(IReadOnlyList<ResearchNote> Notes, IReadOnlyList<SourceOutcome> Sources, int EstimatedTokens);
