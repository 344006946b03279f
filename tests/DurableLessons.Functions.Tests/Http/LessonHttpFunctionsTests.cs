using System.Text;
using System.Text.Json.Nodes;
using DurableLessons.Functions.Tests.Composition;
using DurableLessons.Hosts.Functions.Triggers.Http;
using DurableLessons.Http.Links;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Sdk = Microsoft.DurableTask;
using SdkClient = Microsoft.DurableTask.Client;

namespace DurableLessons.Functions.Tests.Http;

/// <summary>
/// The HTTP functions as the Functions host calls them (function class from DI, request, bound Durable client), with
/// the shared handlers, our workflow client and the answer executed into an ASP.NET Core response. Only the lesson
/// store and the extension's link helper (which needs the Functions runtime) are replaced.
/// </summary>
public sealed class LessonHttpFunctionsTests : IDisposable
{
    private static readonly LessonKey Key = new("chemistry", "covalent bonds", LessonLevel.Beginner);

    private readonly Mock<SdkClient.DurableTaskClient> _durable = new(MockBehavior.Strict, "hub");
    private readonly InMemoryLessonStore _lessons = new();
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;
    private readonly LessonHttpFunctions _functions;

    public LessonHttpFunctionsTests()
    {
        _services = FunctionsApp.Compose(FunctionsApp.SampleSettings(), services => services
            .AddSingleton<ILessonStore>(_lessons)
            .AddSingleton<IManagementLinkFactory, StatusOnlyLinks>());
        _scope = _services.CreateScope();
        _functions = ActivatorUtilities.CreateInstance<LessonHttpFunctions>(_scope.ServiceProvider);
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Posting_a_lesson_starts_its_run_on_the_bound_Durable_client_and_answers_202_with_the_status_link()
    {
        SdkClient.OrchestrationMetadata? none = null;
        _durable.Setup(c => c.GetInstanceAsync(Key.RunInstanceId, false, It.IsAny<CancellationToken>())).ReturnsAsync(none);
        object? startedWith = null;
        _durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                new Sdk.TaskName(OrchestrationNames.LessonGeneration), It.IsAny<object?>(),
                It.Is<Sdk.StartOrchestrationOptions?>(o => o!.InstanceId == Key.RunInstanceId), It.IsAny<CancellationToken>()))
            .Callback<Sdk.TaskName, object?, Sdk.StartOrchestrationOptions?, CancellationToken>((_, input, _, _) => startedWith = input)
            .ReturnsAsync(Key.RunInstanceId);
        var request = Request("POST", """{"subject":"Chemistry ","topic":"Covalent  bonds","level":"beginner"}""");

        var response = await ExecuteAsync(await _functions.StartLesson(request, _durable.Object), request.HttpContext);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal(StatusOnlyLinks.StatusUrl(Key.RunInstanceId), response.Headers.Location);
        Assert.Equal(Key.RunInstanceId, (string?)response.Body["id"]);
        var input = Assert.IsType<LessonRunInput>(startedWith);
        Assert.Equal(Key, input.Key);
        Assert.Equal(["local"], input.Sources);
    }

    [Fact]
    public async Task Posting_while_the_run_is_active_starts_nothing_and_answers_that_run()
    {
        _durable.Setup(c => c.GetInstanceAsync(Key.RunInstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SdkClient.OrchestrationMetadata(OrchestrationNames.LessonGeneration, Key.RunInstanceId) { RuntimeStatus = SdkClient.OrchestrationRuntimeStatus.Running });
        var request = Request("POST", """{"subject":"chemistry","topic":"covalent bonds","level":"beginner"}""");

        var response = await ExecuteAsync(await _functions.StartLesson(request, _durable.Object), request.HttpContext);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal(Key.RunInstanceId, (string?)response.Body["id"]);
        _durable.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<Sdk.TaskName>(), It.IsAny<object?>(), It.IsAny<Sdk.StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task An_invalid_request_is_answered_400_without_touching_Durable()
    {
        var request = Request("POST", """{"subject":"chemistry","topic":"","level":"wizard"}""");

        var response = await ExecuteAsync(await _functions.StartLesson(request, _durable.Object), request.HttpContext);

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

    /// <summary>Stands in for the Durable extension's CreateHttpManagementPayload, which needs the Functions runtime.</summary>
    private sealed class StatusOnlyLinks : IManagementLinkFactory
    {
        public static string StatusUrl(string id) => $"http://127.0.0.1:7071/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(id)}";

        public HttpManagementPayload Create(HttpRequest request, string instanceId) =>
            new(instanceId, StatusUrl(instanceId), "send", "terminate", "suspend", "resume", null, null, StatusUrl(instanceId));
    }
}
