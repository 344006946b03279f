using Xunit;

namespace DurableLessons.Testing.Auth;

/// <summary>A test class with its own <see cref="TestIssuer"/>, started before each test and stopped after it.</summary>
public abstract class IssuerTests : IAsyncLifetime
{
    public const string Audience = "api://durable-lessons";

    protected TestIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await TestIssuer.StartAsync();

    public async Task DisposeAsync() => await Issuer.DisposeAsync();
}
