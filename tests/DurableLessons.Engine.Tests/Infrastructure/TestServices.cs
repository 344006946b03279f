using DurableLessons.Shared.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Engine.Tests.Infrastructure;

/// <summary>The services test activities are created from, on either engine.</summary>
public static class TestServices
{
    /// <summary>The probe the test reads, and the activity cancellation the embedded engine sets at shutdown.</summary>
    public static Action<IServiceCollection> With(Probe probe) => services => services
        .AddSingleton(probe)
        .AddScoped<ActivityCancellation>();
}
