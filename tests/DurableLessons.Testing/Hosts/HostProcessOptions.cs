namespace DurableLessons.Testing.Hosts;

/// <summary>How to start a <see cref="HostProcess"/>.</summary>
public sealed record HostProcessOptions
{
    /// <summary>
    /// The host's data directory (SQLite journal, lessons). Null: a fresh temp folder that disposing deletes; give one to
    /// start a later host on the same data.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>The loopback port to listen on; null picks a free one. Give the same port to restart a host "in place".</summary>
    public int? Port { get; init; }

    /// <summary>Configuration passed as <c>--Key=value</c> arguments (the highest-priority configuration source).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variables set for the host, on top of a cleaned copy of the test's own.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A file every line of the host's stdout and stderr is appended to, or null.</summary>
    public string? LogPath { get; init; }

    /// <summary>How many of the latest output lines <see cref="HostProcess.OutputLines"/> keeps.</summary>
    public int OutputLinesKept { get; init; } = 500;
}
