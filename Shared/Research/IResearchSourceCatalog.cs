namespace DurableLessons.Shared.Research;

/// <summary>
/// The research sources of this host. From <see cref="IResearchSourceDirectory"/>: <c>KnownSources</c> (every
/// registered source, built-in ones first in a fixed order: local, wikipedia, stackexchange, github, devto, docs) and
/// <c>EnabledSources</c> (those configuration enables, by default only "local", in the same order).
/// </summary>
public interface IResearchSourceCatalog : IResearchSourceDirectory
{
    /// <summary>An enabled source by name (case-insensitive). Throws for an unknown or disabled one.</summary>
    IResearchSource Get(string name);

    /// <summary>How long one search of this source may take (its TimeoutSeconds, else the default).</summary>
    TimeSpan TimeoutFor(string name);
}
