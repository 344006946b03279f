using System.Net;
using System.Text.Json.Nodes;
using DurableLessons.Functions.Tests.Composition;
using DurableLessons.Hosts.Functions.Security;
using DurableLessons.Testing.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Functions.Tests.Security;

/// <summary>
/// Security:FunctionKey on the Functions app's HTTP functions, through the worker middleware as the worker runs it
/// (a singleton from the app's container) with the request the ASP.NET Core integration hands it.
/// </summary>
public sealed class FunctionKeyWorkerMiddlewareTests
{
    private const string FunctionKey = "function-key-for-tests-0123456789";
    private const string SystemKey = "system-key-for-tests-9876543210";
    private const string WrongKey = "wrong-key-for-tests-5555555555";

    [Theory]
    [InlineData("POST", "/api/lessons")]
    [InlineData("GET", "/api/lessons/chemistry/covalent%20bonds")]
    [InlineData("GET", "/api/syllabi/chemistry")]
    [InlineData("GET", "/api/runs")]
    public async Task An_api_route_without_a_key_is_answered_401_problem_json_and_the_function_does_not_run(string method, string path)
    {
        using var app = new App(WithKeys());

        var call = await app.InvokeAsync(method, path);

        Assert.False(call.FunctionRan);
        Assert.Equal(StatusCodes.Status401Unauthorized, call.StatusCode);
        Assert.Equal("application/problem+json", call.ContentType);
        Assert.Equal(401, (int?)call.Body?["status"]);
        Assert.Contains("function key", (string?)call.Body?["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_wrong_key_is_answered_401(bool inHeader)
    {
        using var app = new App(WithKeys());

        var call = await app.InvokeAsync("GET", "/api/lessons/chemistry/bonds", WrongKey, inHeader);

        Assert.False(call.FunctionRan);
        Assert.Equal(StatusCodes.Status401Unauthorized, call.StatusCode);
    }

    [Theory]
    [InlineData(FunctionKey, true)]
    [InlineData(FunctionKey, false)]
    [InlineData(SystemKey, true)]
    [InlineData(SystemKey, false)]
    public async Task The_function_key_or_the_system_key_in_the_header_or_the_query_runs_the_function(string key, bool inHeader)
    {
        using var app = new App(WithKeys());

        var call = await app.InvokeAsync("POST", "/api/lessons", key, inHeader);

        Assert.True(call.FunctionRan);
        Assert.Equal(StatusCodes.Status200OK, call.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/admin/runs/terminate")]
    [InlineData("DELETE", "/api/admin/runs")]
    [InlineData("POST", "/api/admin/regenerations")]
    [InlineData("GET", "/runtime/webhooks/durabletask/instances")]
    [InlineData("GET", "/apis/lessons")]
    public async Task Admin_routes_and_routes_outside_api_are_left_to_their_own_checks(string method, string path)
    {
        using var app = new App(WithKeys());

        var call = await app.InvokeAsync(method, path);

        Assert.True(call.FunctionRan);
    }

    [Fact]
    public async Task Without_a_configured_function_key_the_api_routes_need_no_key()
    {
        var settings = FunctionsApp.SampleSettings();
        settings["Security:SystemKey"] = SystemKey;
        using var app = new App(settings);

        var call = await app.InvokeAsync("POST", "/api/lessons");

        Assert.True(call.FunctionRan);
        Assert.Equal(StatusCodes.Status200OK, call.StatusCode);
    }

    [Fact]
    public async Task A_rejection_is_logged_as_a_warning_naming_the_request_but_no_key_is_ever_logged()
    {
        using var app = new App(WithKeys());

        await app.InvokeAsync("GET", "/api/lessons/chemistry/bonds", WrongKey, inHeader: false);
        await app.InvokeAsync("POST", "/api/lessons", WrongKey, inHeader: true);
        await app.InvokeAsync("POST", "/api/lessons", FunctionKey, inHeader: false);
        await app.InvokeAsync("POST", "/api/lessons", SystemKey, inHeader: true);

        var warnings = app.Logs.Entries.Where(entry => entry.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal("GET", warnings[0].Values["Method"]);
        Assert.Equal("/api/lessons/chemistry/bonds", warnings[0].Values["Path"]);
        Assert.Equal("POST", warnings[1].Values["Method"]);
        Assert.All(warnings, warning => Assert.Contains("missing or wrong function key", warning.Message, StringComparison.Ordinal));
        foreach (var key in new[] { WrongKey, FunctionKey, SystemKey })
        {
            Assert.DoesNotContain(app.Logs.Entries, entry => entry.Mentions(key));
        }
    }

    [Fact]
    public async Task An_http_function_without_an_HttpContext_fails_rather_than_skipping_the_check()
    {
        using var app = new App(WithKeys());
        var ran = false;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Middleware.InvokeAsync(
            FunctionInvocations.Of("StartLesson", "httpTrigger"), null, _ => { ran = true; return Task.CompletedTask; }));

        Assert.False(ran);
        Assert.Contains("ConfigureFunctionsWebApplication", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("httpTrigger", true)]
    [InlineData("HttpTrigger", true)]
    [InlineData("activityTrigger", false)]
    [InlineData("orchestrationTrigger", false)]
    [InlineData("timerTrigger", false)]
    public void Only_http_triggered_functions_go_through_the_key_check(string triggerBindingType, bool checkedForKey)
    {
        Assert.Equal(checkedForKey, FunctionKeyWorkerMiddleware.AppliesTo(FunctionInvocations.Of("AnyFunction", triggerBindingType)));
    }

    private static Dictionary<string, string?> WithKeys()
    {
        var settings = FunctionsApp.SampleSettings();
        settings["Security:FunctionKey"] = FunctionKey;
        settings["Security:SystemKey"] = SystemKey;
        return settings;
    }

    /// <summary>The app's container with the middleware registered as the worker's UseWhen registers it (a singleton).</summary>
    private sealed class App : IDisposable
    {
        private readonly ServiceProvider _services;

        public App(Dictionary<string, string?> settings)
        {
            _services = FunctionsApp.Compose(settings, services => services
                .AddSingleton<ILoggerProvider>(Logs)
                .AddSingleton<FunctionKeyWorkerMiddleware>());
            Middleware = _services.GetRequiredService<FunctionKeyWorkerMiddleware>();
        }

        public CapturedLogs Logs { get; } = new();

        public FunctionKeyWorkerMiddleware Middleware { get; }

        public async Task<Call> InvokeAsync(string method, string path, string? key = null, bool inHeader = true)
        {
            using var scope = _services.CreateScope();
            var http = FunctionInvocations.Request(scope.ServiceProvider, method, path);
            if (key is not null && inHeader)
            {
                http.Request.Headers["x-functions-key"] = key;
            }
            else if (key is not null)
            {
                http.Request.QueryString = QueryString.Create("code", key);
            }

            var ran = false;
            await Middleware.InvokeAsync(FunctionInvocations.Of("AnyHttpFunction", "httpTrigger"), http, _ =>
            {
                ran = true;
                return Task.CompletedTask;
            });

            http.Response.Body.Position = 0;
            var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
            return new Call(ran, http.Response.StatusCode, http.Response.ContentType, text.Length == 0 ? null : JsonNode.Parse(text)?.AsObject());
        }

        public void Dispose() => _services.Dispose();
    }

    private sealed record Call(bool FunctionRan, int StatusCode, string? ContentType, JsonObject? Body);
}
