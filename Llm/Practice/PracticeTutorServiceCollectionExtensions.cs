using DurableLessons.Shared.Practice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Llm.Practice;

public static class PracticeTutorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPracticeTutor"/> on the same <c>Llm:Providers</c> as the lesson author: the model chain when
    /// a provider is configured, the offline tutor otherwise. Adds the lesson author too when it is not registered yet.
    /// </summary>
    public static IServiceCollection AddPracticeTutor(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModelOrOffline<IPracticeTutor>(
            configuration,
            parts => new ModelPracticeTutor(parts.Options, parts.Credentials, parts.Telemetry, parts.Time, parts.Logger<ModelPracticeTutor>()),
            () => new OfflinePracticeTutor());
}
