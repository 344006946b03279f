namespace DurableLessons.Shared.Research;

/// <summary>Which research sources exist and which this host has enabled; what starters validate requests against.</summary>
public interface IResearchSourceDirectory
{
    IReadOnlyList<string> KnownSources { get; }

    IReadOnlyList<string> EnabledSources { get; }
}
