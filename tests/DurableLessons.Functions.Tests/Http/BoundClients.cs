using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableLessons.Functions.Tests.Http;

/// <summary>
/// A <c>[DurableClient]</c> binding's client as the Durable extension creates it: its internal per-binding wrapper,
/// holding the binding's webhook base URL and query string, around <paramref name="inner"/> (a mock). Reached by
/// reflection because only the Functions runtime creates it; a package update that changes its shape fails here.
/// </summary>
internal static class BoundClients
{
    public const string WebhookBaseUrl = "http://localhost:7071/runtime/webhooks/durabletask";
    public const string QueryString = "taskHub=DurableLessons&connection=Storage&code=extension-system-key";

    public static DurableTaskClient Wrap(DurableTaskClient inner)
    {
        var type = typeof(DurableClientAttribute).Assembly.GetType("Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient", throwOnError: true)!;
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single();
        var arguments = constructor.GetParameters().Select(object? (parameter) => parameter switch
        {
            { ParameterType: var t } when t == typeof(DurableTaskClient) => inner,
            { Name: "queryString" } => QueryString,
            { Name: "httpBaseUrl" or "baseUrl" } => WebhookBaseUrl,
            // Large-payload purging is not used by starts or links.
            { Name: "purgeClient" } => null,
            _ => throw new InvalidOperationException($"FunctionsDurableTaskClient's constructor takes {parameter.ParameterType.Name} {parameter.Name}, unknown to this test."),
        }).ToArray();
        return (DurableTaskClient)constructor.Invoke(arguments);
    }
}
