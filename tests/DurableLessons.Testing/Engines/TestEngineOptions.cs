using Xunit.Abstractions;

namespace DurableLessons.Testing.Engines;

/// <summary>How to start a <see cref="TestEngine"/>; the embedded-only settings are ignored by the other engine.</summary>
public sealed record TestEngineOptions
{
    /// <summary>Where warnings and errors of the engine go, to explain a failure.</summary>
    public ITestOutputHelper? Output { get; init; }

    /// <summary>Embedded: configuration keys such as <c>Engine:MaxCachedOrchestrations</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Embedded: the SQLite file, to restart an engine on the same data; a fresh temporary file when null.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Embedded: false builds the host without starting it (<see cref="TestEngine.StartAsync"/> starts it).</summary>
    public bool Start { get; init; } = true;

    /// <summary>Embedded: how long a stop waits for running work.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="TestEngine.WaitAsync"/> and <see cref="TestEngine.WaitUntilAsync"/> wait before failing.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(45);
}
