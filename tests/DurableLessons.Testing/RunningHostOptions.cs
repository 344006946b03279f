using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Testing;

/// <summary>How to build a <see cref="RunningHost"/>.</summary>
public sealed record RunningHostOptions
{
    /// <summary>Configuration passed as <c>--Key=value</c> arguments.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Raw command-line arguments, after <see cref="Settings"/> (so they win).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The data directory to use; null: a fresh temp folder that disposing deletes.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Services to add or replace after the host's own (test workflows, fakes).</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
