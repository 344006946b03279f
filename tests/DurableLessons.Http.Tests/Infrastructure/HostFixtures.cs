namespace DurableLessons.Http.Tests.Infrastructure;

/// <summary>One keyless host shared by the contract tests of a collection, or a host of its own as a class fixture.</summary>
public sealed class OpenHostFixture : RunningHostFixture
{
    protected override Task<RunningHost> StartHostAsync() => WebhookTestHost.StartAsync();
}

/// <summary>A host with <c>Security:SystemKey</c> set.</summary>
public sealed class KeyedHostFixture : RunningHostFixture
{
    public const string SystemKey = "test-system-key-0123456789";

    protected override Task<RunningHost> StartHostAsync() => WebhookTestHost.StartAsync($"--Security:SystemKey={SystemKey}");
}

[CollectionDefinition(Name)]
public sealed class SharedOpenHost : ICollectionFixture<OpenHostFixture>
{
    public const string Name = "open host";
}
