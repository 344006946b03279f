using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Functions.Tests.Parity;

/// <summary>
/// Both hosts serve the same API: every (verb, /api route) the embedded host maps is one HTTP function with the same
/// verb and route (host.json's route prefix is "api"), and the Functions app serves nothing under /api the embedded
/// host lacks.
/// </summary>
public sealed class RouteParityTests(EmbeddedHost embedded) : IClassFixture<EmbeddedHost>
{
    [Fact]
    public void The_http_functions_serve_exactly_the_api_routes_and_verbs_of_the_embedded_host()
    {
        var bound = FunctionBindings.WithTrigger<HttpTriggerAttribute>()
            .SelectMany(function =>
            {
                var trigger = (HttpTriggerAttribute)function.Trigger;
                Assert.True(trigger.Methods is { Length: > 0 }, $"{function} must name its HTTP methods.");
                Assert.False(string.IsNullOrEmpty(trigger.Route), $"{function} must name its route.");
                return trigger.Methods!.Select(method => EmbeddedHost.Route(method, $"/api/{trigger.Route}"));
            })
            .ToList();

        Assert.NotEmpty(embedded.ApiRoutes);
        Assert.Equal(bound.Count, bound.Distinct().Count());
        var embeddedOnly = embedded.ApiRoutes.Except(bound, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var functionsOnly = bound.Except(embedded.ApiRoutes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            embeddedOnly.Count == 0 && functionsOnly.Count == 0,
            $"The hosts differ in routes.\n  Only the embedded host has: {string.Join(", ", embeddedOnly)}\n  Only the Functions app has: {string.Join(", ", functionsOnly)}");
    }

    /// <summary>Azure's own key check would answer a plain 401 and accept the Functions host's keys instead of ours.</summary>
    [Fact]
    public void Every_http_function_is_anonymous_at_the_Functions_level_so_the_apps_own_key_check_applies()
    {
        foreach (var function in FunctionBindings.WithTrigger<HttpTriggerAttribute>())
        {
            Assert.True(((HttpTriggerAttribute)function.Trigger).AuthLevel == AuthorizationLevel.Anonymous, $"{function} is not Anonymous.");
        }
    }
}
