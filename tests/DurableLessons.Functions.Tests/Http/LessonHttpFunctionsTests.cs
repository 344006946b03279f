using System.Text;
using System.Text.Json.Nodes;
using DurableLessons.Functions.Tests.Composition;
using DurableLessons.Hosts.Functions.Triggers.Http;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DurableLessons.Functions.Tests.Http;

/// <summary>
/// The lesson HTTP functions as the Functions host calls them (function class from the app's container, the request
/// and the bound Durable client), with the shared handlers and the answer executed into an ASP.NET Core response.
/// Only the lesson store is replaced; the client is a mock inside the extension's per-binding wrapper.
/// </summary>
public sealed class LessonHttpFunctionsTests : IDisposable
{
    private static readonly LessonKey Key = new("chemistry", "covalent bonds", LessonLevel.Beginner);

    private readonly Mock<DurableTaskClient> _durable = new(MockBehavior.Strict, "DurableLessons");
    private readonly InMemoryLessonStore _lessons = new();
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly LessonHttpFunctions _functions;

    public LessonHttpFunctionsTests()
    {
        _services = FunctionsApp.Compose(FunctionsApp.SampleSettings(), services => services.AddSingleton<ILessonStore>(_lessons));
        _scope = _services.CreateScope();
        _functions = ActivatorUtilities.CreateInstance<LessonHttpFunctions>(_scope.ServiceProvider);
    }

    private DurableTaskClient Client => BoundClients.Wrap(_durable.Object);

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Posting_a_lesson_starts_its_run_on_the_bound_client_and_answers_202_with_the_extensions_management_links()
    {
        OrchestrationMetadata? none = null;
        _durable.Setup(c => c.GetInstancesAsync(Key.RunInstanceId, false, It.IsAny<CancellationToken>())).ReturnsAsync(none);
        object? startedWith = null;
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(OrchestrationNames.LessonGeneration), It.IsAny<object?>(),
                It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == Key.RunInstanceId), It.IsAny<CancellationToken>()))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((_, input, _, _) => startedWith = input)
            .ReturnsAsync(Key.RunInstanceId);
        var request = Request("POST", """{"subject":"Chemistry ","topic":"Covalent  bonds","level":"beginner"}""");

        var response = await ExecuteAsync(await _functions.StartLesson(request, Client), request.HttpContext);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        var statusUrl = $"{BoundClients.WebhookBaseUrl}/instances/{Uri.EscapeDataString(Key.RunInstanceId)}?{BoundClients.QueryString}";
        Assert.Equal(statusUrl, response.Headers.Location);
        Assert.Equal(Key.RunInstanceId, (string?)response.Body["id"]);
        Assert.Equal(statusUrl, (string?)response.Body["statusQueryGetUri"]);
        Assert.StartsWith($"{BoundClients.WebhookBaseUrl}/instances/", (string?)response.Body["terminatePostUri"], StringComparison.Ordinal);
        var input = Assert.IsType<LessonRunInput>(startedWith);
        Assert.Equal(Key, input.Key);
        Assert.Equal(["local"], input.ResearchSources);
    }

    [Fact]
    public async Task Posting_while_the_run_is_active_starts_nothing_and_answers_that_run()
    {
        _durable.Setup(c => c.GetInstancesAsync(Key.RunInstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestrationNames.LessonGeneration, Key.RunInstanceId) { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        var request = Request("POST", """{"subject":"chemistry","topic":"covalent bonds","level":"beginner"}""");

        var response = await ExecuteAsync(await _functions.StartLesson(request, Client), request.HttpContext);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal(Key.RunInstanceId, (string?)response.Body["id"]);
        _durable.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task An_invalid_request_is_answered_400_without_touching_Durable()
    {
        var request = Request("POST", """{"subject":"chemistry","topic":"","level":"wizard"}""");

        var response = await ExecuteAsync(await _functions.StartLesson(request, Client), request.HttpContext);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.NotNull(response.Body["errors"]?["topic"]);
        Assert.NotNull(response.Body["errors"]?["level"]);
        _durable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_latest_version_is_served_from_the_route_values_and_the_level_query()
    {
        await _lessons.SaveNewVersionAsync(Key, "run-1", Document("Covalent bonds"), CancellationToken.None);
        var request = Request("GET", query: "?level=beginner");

        var response = await ExecuteAsync(await _functions.GetLatestLesson(request, "chemistry", "covalent bonds"), request.HttpContext);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("1.0", (string?)response.Body["version"]);
        Assert.Equal("Covalent bonds", (string?)response.Body["document"]?["title"]);
    }

    [Fact]
    public async Task Versions_are_listed_and_one_version_is_served()
    {
        await _lessons.SaveNewVersionAsync(Key, "run-1", Document("First"), CancellationToken.None);
        await _lessons.SaveNewVersionAsync(Key, "run-2", Document("Second"), CancellationToken.None);

        var listRequest = Request("GET", query: "?level=beginner");
        var list = await ExecuteAsync(await _functions.ListLessonVersions(listRequest, "chemistry", "covalent bonds"), listRequest.HttpContext);
        var oneRequest = Request("GET", query: "?level=beginner");
        var one = await ExecuteAsync(await _functions.GetLessonVersion(oneRequest, "chemistry", "covalent bonds", "1.0"), oneRequest.HttpContext);

        Assert.Equal(["1.0", "1.1"], list.Body["versions"]!.AsArray().Select(v => (string?)v!["version"]));
        Assert.Equal("First", (string?)one.Body["document"]?["title"]);
    }

    [Fact]
    public async Task An_unknown_lesson_is_404_and_a_missing_level_is_400()
    {
        var unknownRequest = Request("GET", query: "?level=expert");
        var unknown = await ExecuteAsync(await _functions.GetLatestLesson(unknownRequest, "chemistry", "covalent bonds"), unknownRequest.HttpContext);
        var noLevelRequest = Request("GET");
        var noLevel = await ExecuteAsync(await _functions.GetLatestLesson(noLevelRequest, "chemistry", "covalent bonds"), noLevelRequest.HttpContext);

        Assert.Equal(StatusCodes.Status404NotFound, unknown.StatusCode);
        Assert.Equal(StatusCodes.Status400BadRequest, noLevel.StatusCode);
        Assert.NotNull(noLevel.Body["errors"]?["level"]);
    }

    private HttpRequest Request(string method, string? json = null, string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = _scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 7071);
        context.Request.QueryString = new QueryString(query);
        if (json is not null)
        {
            var body = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private static async Task<(int StatusCode, IHeaderDictionary Headers, JsonObject Body)> ExecuteAsync(IActionResult result, HttpContext context)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.Headers, JsonNode.Parse(text)!.AsObject());
    }

    private static LessonDocument Document(string title) =>
        new(title, "summary", ["objective"], [new LessonSection("Intro", "Text", [1])], [], [], [], [], "offline", ModelUsage.None);
}
