namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>A host of its own for inputs that are odd but legitimate, so the runs they start stay out of the corpus host.</summary>
public sealed class PlainHost : RunningHostFixture
{
    protected override Task<RunningHost> StartHostAsync() => RunningHost.StartAsync(HostileHost.Settings);
}
