using System.Net.Http.Json;
using DurableLessons.AzureStorageEngine.Tests.Infrastructure;
using DurableLessons.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.AzureStorageEngine.Tests;

/// <summary>
/// The host on <c>Engine:Provider=AzureStorage</c>: the lesson API and every Durable management webhook behave as on
/// the embedded engine, with DTFx + Azure Storage (Azurite) underneath.
/// </summary>
[Collection(OneAzurite.Name)]
public sealed class WebhookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Outage _outage = new();
    private RunningHost _host = null!;
    private Webhooks _api = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(TaskHubSettings.Fresh(azurite), services =>
        {
            services.AddSingleton(_outage);
            services.AddDurableTasks(TestWorkflows.Register);
        });
        _api = new Webhooks(_host.Client);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_lesson_posted_to_the_api_is_generated_and_saved()
    {
        using var response = await _host.PostLessonAsync("maths", "fractions", "beginner");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await RunningHost.ReadObjectAsync(response);

        var final = await _host.PollUntilDoneAsync(new Uri(started["statusQueryGetUri"]!.GetValue<string>()), TimeSpan.FromSeconds(90));

        Assert.Equal("Completed", final["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("1.0", final["output"]!["version"]!.GetValue<string>());
        using var lesson = await _host.Client.GetAsync("/api/lessons/maths/fractions?level=beginner");
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
    }

    [Fact]
    public async Task Raising_the_awaited_event_completes_the_instance_with_its_payload()
    {
        var id = await _api.StartAsync(WaitForSignalOrchestrator.Name);
        await _api.WaitForAsync(id, "Running");

        Assert.Equal(HttpStatusCode.Accepted, await _api.PostAsync($"{Webhooks.Instance(id)}/raiseEvent/{WaitForSignalOrchestrator.EventName}", "\"green\""));

        var final = await _api.WaitForAsync(id, "Completed");
        Assert.Equal("green", final["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Suspend_pauses_and_resume_continues_the_instance()
    {
        var id = await _api.StartAsync(WaitForSignalOrchestrator.Name);
        await _api.WaitForAsync(id, "Running");

        Assert.Equal(HttpStatusCode.Accepted, await _api.PostAsync($"{Webhooks.Instance(id)}/suspend?reason=maintenance"));
        await _api.WaitForAsync(id, "Suspended");
        Assert.Equal(HttpStatusCode.Accepted, await _api.PostAsync($"{Webhooks.Instance(id)}/resume?reason=done"));
        await _api.WaitForAsync(id, "Running");
        Assert.Equal(HttpStatusCode.Accepted, await _api.PostAsync($"{Webhooks.Instance(id)}/raiseEvent/{WaitForSignalOrchestrator.EventName}", "\"go\""));

        await _api.WaitForAsync(id, "Completed");
    }

    [Fact]
    public async Task Terminate_ends_the_instance_with_the_reason_and_a_second_terminate_is_410()
    {
        var id = await _api.StartAsync(WaitForSignalOrchestrator.Name);
        await _api.WaitForAsync(id, "Running");

        Assert.Equal(HttpStatusCode.Accepted, await _api.PostAsync($"{Webhooks.Instance(id)}/terminate?reason=no%20longer%20needed"));

        var final = await _api.WaitForAsync(id, "Terminated");
        Assert.Equal("no longer needed", final["output"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Gone, await _api.PostAsync($"{Webhooks.Instance(id)}/terminate"));
    }

    [Fact]
    public async Task Rewind_runs_a_failed_instance_again_from_its_failed_activity()
    {
        var id = await _api.StartAsync(FlakyOrchestrator.Name, "\"turbine\"");
        var failed = await _api.WaitForAsync(id, "Failed");
        Assert.Contains("turbine is down", failed.ToJsonString(), StringComparison.Ordinal);
        _outage.End();

        Assert.Equal(HttpStatusCode.Accepted, await _api.PostAsync($"{Webhooks.Instance(id)}/rewind?reason=repaired"));

        var final = await _api.WaitForAsync(id, "Completed");
        Assert.Equal("served turbine", final["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_runs_a_finished_instance_again_under_a_new_id_with_its_input()
    {
        _outage.End();
        var id = await _api.StartAsync(FlakyOrchestrator.Name, "\"pump\"");
        await _api.WaitForAsync(id, "Completed");

        using var response = await _host.Client.PostAsync($"{Webhooks.Instance(id)}/restart", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var restartedId = (await Webhooks.ReadAsync(response))["id"]!.GetValue<string>();

        Assert.NotEqual(id, restartedId);
        var restarted = await _api.WaitForAsync(restartedId, "Completed");
        Assert.Equal("served pump", restarted["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_list_pages_through_every_instance_with_continuation_tokens()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _api.StartAsync(WaitForSignalOrchestrator.Name));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Webhooks.Base}/instances?top=2");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await _host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(page.GetArrayLength() <= 2, page.GetRawText());
            seen.AddRange(page.EnumerateArray().Select(status => status.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            pages++;
        }
        while (!string.IsNullOrEmpty(token) && pages < 10);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.True(pages >= 3, $"5 instances in pages of 2 came in {pages} page(s).");
    }

    [Fact]
    public async Task Purge_deletes_one_finished_instance_and_purge_by_filter_the_rest_but_never_a_running_one()
    {
        _outage.End();
        var first = await _api.StartAsync(FlakyOrchestrator.Name, "\"a\"");
        var second = await _api.StartAsync(FlakyOrchestrator.Name, "\"b\"");
        var running = await _api.StartAsync(WaitForSignalOrchestrator.Name);
        await _api.WaitForAsync(first, "Completed");
        await _api.WaitForAsync(second, "Completed");
        await _api.WaitForAsync(running, "Running");

        using var one = await _host.Client.DeleteAsync(Webhooks.Instance(first));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.StatusAsync(first)).Status);

        using var many = await _host.Client.DeleteAsync($"{Webhooks.Base}/instances?createdTimeFrom=2000-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        Assert.Equal("""{"instancesDeleted":1}""", await many.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.StatusAsync(second)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await _api.StatusAsync(running)).Status);
    }

    [Fact]
    public async Task The_status_shows_the_history_of_the_run()
    {
        _outage.End();
        var id = await _api.StartAsync(FlakyOrchestrator.Name, "\"valve\"");
        await _api.WaitForAsync(id, "Completed");

        var (status, body) = await _api.StatusAsync(id, "?showHistory=true&showHistoryOutput=true");

        Assert.Equal(HttpStatusCode.OK, status);
        var events = body!["historyEvents"]!.AsArray().Select(e => e!["EventType"]!.GetValue<string>()).ToList();
        Assert.Equal(["ExecutionStarted", "TaskCompleted", "ExecutionCompleted"], events);
        Assert.Equal(FlakyActivity.Name, body["historyEvents"]![1]!["FunctionName"]!.GetValue<string>());
    }
}
