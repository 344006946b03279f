namespace DurableLessons.Shared.Research;

/// <summary>The fan-in of research: merges, de-duplicates, ranks and trims every source's notes to a token budget.</summary>
public interface IResearchMerger
{
    ResearchPack Merge(IReadOnlyList<SourceOutcome> outcomes, int tokenBudget);
}
