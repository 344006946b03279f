using DurableLessons.Application.Configuration;
using DurableLessons.Http.Links;
using DurableLessons.Http.Problems;
using DurableLessons.Http.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableLessons.Hosts.Local.Management;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Everything <see cref="DurableWebhookEndpoints.MapDurableWebhooks"/> needs besides the engine's <c>DurableTaskClient</c>
    /// (and, for <c>showHistory</c>, an <see cref="IInstanceHistorySource"/>): options <c>Webhooks</c> and
    /// <c>Security</c> validated at start, the system key check, links and problem responses.
    /// </summary>
    public static IServiceCollection AddDurableWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebhookOptions>(configuration, WebhookOptions.SectionName);
        services.AddSystemKeySecurity(configuration);
        services.AddProblemResponses();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JsonRequestBodyReader>();
        services.TryAddSingleton<IManagementLinkFactory, RequestManagementLinkFactory>();
        return services;
    }
}
