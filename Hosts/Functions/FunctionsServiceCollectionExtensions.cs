using Azure.Core.Serialization;
using DurableLessons.Hosts.Common;
using DurableLessons.Hosts.Functions.Configuration;
using DurableLessons.Hosts.Functions.Links;
using DurableLessons.Hosts.Functions.Telemetry;
using DurableLessons.Http.Links;
using DurableLessons.Http.Security;
using DurableLessons.Http.Streaming;
using DurableLessons.Shared.Serialization;
using DurableLessons.Storage.Configuration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The Functions app's services: the product (<see cref="LessonServiceCollectionExtensions.AddDurableLessons"/>, as in
    /// the embedded host) plus what only this host has: management links from the invocation's <c>[DurableClient]</c>,
    /// the run event stream by polling, the worker serializer, and the start-up rules that lessons live in Table
    /// storage, that a system key guards the administration routes outside Development, and the function key for /api.
    /// </summary>
    public static IServiceCollection AddDurableLessonsOnFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDurableLessons(configuration);

        services.Replace(ServiceDescriptor.Singleton<IManagementLinkFactory, FunctionsManagementLinkFactory>());
        // Durable Functions has no change feed: the stream polls the run every RunEvents:PollIntervalSeconds.
        services.AddRunEvents(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, TableStorageRequiredValidator>());
        // Security:FunctionKey for the /api functions (applied by FunctionKeyWorkerMiddleware), validated at start.
        services.AddFunctionKeyPolicy(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SystemKeyRequiredValidator>());

        // Orchestration inputs, outputs, custom status and activity payloads in the embedded host's JSON (camelCase,
        // enums as strings): the Durable extension serializes with the worker serializer.
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(WorkflowJson.Options));
        services.AddFunctionsTelemetry(configuration);
        return services;
    }
}
