using DurableLessons.Research.Configuration;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research;

internal sealed class ResearchSourceCatalog : IResearchSourceCatalog
{
    private readonly Dictionary<string, IResearchSource> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly ResearchOptions _options;

    public ResearchSourceCatalog(IEnumerable<IResearchSource> sources, IOptions<ResearchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        foreach (var source in sources)
        {
            if (!_sources.TryAdd(source.Name, source))
            {
                throw new InvalidOperationException($"Two research sources are registered as '{source.Name}'.");
            }
        }

        KnownSources = _sources.Keys
            .OrderBy(name => ResearchSourceNames.IsBuiltIn(name) ? IndexOfBuiltIn(name) : int.MaxValue)
            .ThenBy(name => name, StringComparer.Ordinal)
            .Select(name => _sources[name].Name)
            .ToArray();
        EnabledSources = KnownSources.Where(name => _options.For(name).Enabled).ToArray();
    }

    public IReadOnlyList<string> KnownSources { get; }

    public IReadOnlyList<string> EnabledSources { get; }

    public IResearchSource Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_sources.TryGetValue(name.Trim(), out var source))
        {
            throw new ArgumentException($"'{name}' is not a research source (known: {string.Join(", ", KnownSources)}).", nameof(name));
        }

        if (!_options.For(source.Name).Enabled)
        {
            throw new InvalidOperationException(
                $"Research source '{source.Name}' is not enabled on this host ({ResearchOptions.SectionName}:Sources:{source.Name}:Enabled).");
        }

        return source;
    }

    public TimeSpan TimeoutFor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _options.For(name.Trim()).Timeout;
    }

    private static int IndexOfBuiltIn(string name)
    {
        for (var i = 0; i < ResearchSourceNames.BuiltIn.Count; i++)
        {
            if (string.Equals(ResearchSourceNames.BuiltIn[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
