using System.Net;
using System.Text.Json.Nodes;
using DurableLessons.Security.Tests.Infrastructure;
using DurableLessons.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static DurableLessons.Security.Tests.Infrastructure.Secrets;

namespace DurableLessons.Security.Tests;

/// <summary>
/// Api:PublicStatusLinks: starters hand out a signed, read-only status link of one run instead of URLs carrying the
/// system key; the link reads that run's status (and events) and nothing else.
/// </summary>
public sealed class StatusLinkTests
{
    private static readonly string[] ManagementLinks =
        ["sendEventPostUri", "terminatePostUri", "suspendPostUri", "resumePostUri", "rewindPostUri", "restartPostUri", "purgeHistoryDeleteUri"];

    private readonly string _systemKey = NewKey("system");
    private readonly string _functionKey = NewKey("function");

    private Dictionary<string, string> Settings(bool publicLinks, bool functionKey = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Security:SystemKey"] = _systemKey,
            ["Api:PublicStatusLinks"] = publicLinks ? "true" : "false",
        };
        if (functionKey)
        {
            settings["Security:FunctionKey"] = _functionKey;
        }

        return settings;
    }

    [Fact]
    public async Task By_default_a_start_answers_every_management_link_with_the_system_key_as_Durable_does()
    {
        await using var host = await RunningHost.StartAsync(Settings(publicLinks: false));

        var (response, body) = await SendAsync(host.Client, Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = Parse(body);
        var id = payload["id"]!.GetValue<string>();
        Assert.Equal($"{host.BaseAddress}runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(id)}?code={_systemKey}", payload["statusQueryGetUri"]!.GetValue<string>());
        foreach (var link in ManagementLinks)
        {
            Assert.Contains($"code={_systemKey}", payload[link]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using var signed = await host.Client.GetAsync($"/api/runs/{Uri.EscapeDataString(id)}/status?sig=anything");
        Assert.Equal(HttpStatusCode.NotFound, signed.StatusCode);
    }

    [Fact]
    public async Task A_public_link_reads_its_run_without_any_key_with_the_webhook_status_contract_and_no_management_link()
    {
        await using var host = await RunningHost.StartAsync(Settings(publicLinks: true));

        var (response, body) = await SendAsync(host.Client, Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.DoesNotContain(_systemKey, body, StringComparison.Ordinal);
        var payload = Parse(body);
        var id = payload["id"]!.GetValue<string>();
        var link = payload["statusQueryGetUri"]!.GetValue<string>();
        Assert.StartsWith($"{host.BaseAddress}api/runs/{Uri.EscapeDataString(id)}/status?sig=", link, StringComparison.Ordinal);
        Assert.Equal(new Uri(link), response.Headers.Location);
        foreach (var name in ManagementLinks)
        {
            Assert.True(payload.ContainsKey(name), $"the payload keeps the '{name}' key");
            Assert.Null(payload[name]);
        }

        var final = await host.PollUntilDoneAsync(new Uri(link));
        Assert.Equal("Completed", final["runtimeStatus"]!.GetValue<string>());

        var (webhook, webhookBody) = await SendAsync(host.Client, Request(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(id)}", _systemKey));
        var (viaLink, linkBody) = await SendAsync(host.Client, Request(HttpMethod.Get, link));
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaLink.StatusCode);
        Assert.Equal(webhookBody, linkBody);
        Assert.Equal("application/json; charset=utf-8", viaLink.Content.Headers.ContentType?.ToString());

        var (withoutInput, withoutInputBody) = await SendAsync(host.Client, Request(HttpMethod.Get, link + "&showInput=false"));
        Assert.Equal(HttpStatusCode.OK, withoutInput.StatusCode);
        Assert.Null(Parse(withoutInputBody)["input"]);
    }

    [Fact]
    public async Task A_running_instance_answers_202_with_Location_and_Retry_After_through_its_link_and_500_on_request_when_failed()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slowSource = await LoopbackServer.StartAsync(app => app.MapGet("/2.3/search/advanced", async (HttpContext context) =>
        {
            await release.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync("""{"items":[],"has_more":false}""", context.RequestAborted);
        }));
        var settings = Settings(publicLinks: true);
        settings["Research:Sources:stackexchange:Enabled"] = "true";
        settings["Research:Sources:stackexchange:BaseUrl"] = slowSource.BaseUrl;
        await using var host = await RunningHost.StartAsync(settings);

        // Research waits for the held source, so the run is certainly still running when its link is read.
        var (_, body) = await SendAsync(host.Client, Request(HttpMethod.Post, "/api/lessons", json: new { subject = "zzqx", topic = "vvbnm qwpo", level = "expert", sources = new[] { "local", "stackexchange" } }));
        var link = Parse(body)["statusQueryGetUri"]!.GetValue<string>();
        var (running, runningBody) = await SendAsync(host.Client, Request(HttpMethod.Get, link));
        release.SetResult();

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal(new Uri(link), running.Headers.Location);
        Assert.Equal(TimeSpan.FromSeconds(5), running.Headers.RetryAfter?.Delta);
        Assert.Equal(Parse(body)["id"]!.GetValue<string>(), Parse(runningBody)["instanceId"]!.GetValue<string>());
        var final = await host.PollUntilDoneAsync(new Uri(link));
        Assert.Equal("Failed", final["runtimeStatus"]!.GetValue<string>());

        var (asError, _) = await SendAsync(host.Client, Request(HttpMethod.Get, link + "&returnInternalServerErrorOnFailure=true"));
        Assert.Equal(HttpStatusCode.InternalServerError, asError.StatusCode);
        var (asDefault, _) = await SendAsync(host.Client, Request(HttpMethod.Get, link));
        Assert.Equal(HttpStatusCode.OK, asDefault.StatusCode);
    }

    [Fact]
    public async Task A_link_reads_no_other_run_and_opens_no_management_or_admin_route()
    {
        await using var host = await RunningHost.StartAsync(Settings(publicLinks: true));
        var (_, firstBody) = await SendAsync(host.Client, Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" }));
        var (_, secondBody) = await SendAsync(host.Client, Request(HttpMethod.Post, "/api/lessons", json: new { subject = "math", topic = "fractions", level = "beginner" }));
        var first = Parse(firstBody);
        var firstId = Uri.EscapeDataString(first["id"]!.GetValue<string>());
        var secondId = Uri.EscapeDataString(Parse(secondBody)["id"]!.GetValue<string>());
        var firstLink = new Uri(first["statusQueryGetUri"]!.GetValue<string>());
        var sig = System.Web.HttpUtility.ParseQueryString(firstLink.Query)["sig"]!;
        var escapedSig = Uri.EscapeDataString(sig);
        await host.PollUntilDoneAsync(firstLink);

        var refused = new (HttpMethod Method, string Url, string? Key)[]
        {
            (HttpMethod.Get, $"/api/runs/{secondId}/status?sig={escapedSig}", null),
            (HttpMethod.Get, $"/api/runs/{firstId}/status", null),
            (HttpMethod.Get, $"/api/runs/{firstId}/status?sig={escapedSig[..^2]}AA", null),
            (HttpMethod.Get, $"/api/runs/{firstId}/status?sig={escapedSig}&sig={escapedSig}", null),
            (HttpMethod.Get, $"/api/runs/{firstId}/status?code={escapedSig}", null),
            (HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{firstId}?sig={escapedSig}", null),
            (HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{firstId}?code={escapedSig}", null),
            (HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{firstId}", sig),
            (HttpMethod.Post, $"/runtime/webhooks/durabletask/instances/{secondId}/terminate?reason=x&sig={escapedSig}", null),
            (HttpMethod.Post, $"/runtime/webhooks/durabletask/instances/{secondId}/terminate?reason=x&code={escapedSig}", null),
            (HttpMethod.Delete, $"/runtime/webhooks/durabletask/instances/{firstId}?code={escapedSig}", null),
            (HttpMethod.Get, $"/runtime/webhooks/durabletask/instances?sig={escapedSig}", null),
            (HttpMethod.Post, $"/api/admin/runs/terminate?sig={escapedSig}", sig),
            (HttpMethod.Delete, $"/api/admin/runs?sig={escapedSig}", sig),
        };
        foreach (var (method, url, key) in refused)
        {
            var (response, body) = await SendAsync(host.Client, Request(method, url, key));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} answered {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The refused terminate left the second run alone.
        var second = await host.PollUntilDoneAsync(new Uri(host.BaseAddress, $"runtime/webhooks/durabletask/instances/{secondId}?code={Uri.EscapeDataString(_systemKey)}"));
        Assert.Equal("Completed", second["runtimeStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_a_function_key_the_link_still_opens_its_run_status_and_event_stream_and_nothing_else_under_api()
    {
        await using var host = await RunningHost.StartAsync(Settings(publicLinks: true, functionKey: true));
        var (started, body) = await SendAsync(host.Client, Request(HttpMethod.Post, "/api/lessons", _functionKey, new { subject = "english", topic = "verbs", level = "beginner" }));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var payload = Parse(body);
        Assert.DoesNotContain(_functionKey, body, StringComparison.Ordinal);
        var id = Uri.EscapeDataString(payload["id"]!.GetValue<string>());
        var link = new Uri(payload["statusQueryGetUri"]!.GetValue<string>());
        var escapedSig = Uri.EscapeDataString(System.Web.HttpUtility.ParseQueryString(link.Query)["sig"]!);

        var (first, firstBody) = await SendAsync(host.Client, Request(HttpMethod.Get, link.ToString()));
        Assert.True(first.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"the link answered {(int)first.StatusCode}: {firstBody}");
        var final = await host.PollUntilDoneAsync(link);
        Assert.Equal("Completed", final["runtimeStatus"]!.GetValue<string>());

        using var stream = await host.Client.GetAsync($"/api/runs/{id}/events?sig={escapedSig}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        var events = await stream.Content.ReadAsStringAsync();
        Assert.Contains("event: done", events, StringComparison.Ordinal);
        Assert.Contains("\"Completed\"", events, StringComparison.Ordinal);

        foreach (var url in new[]
                 {
                     $"/api/runs/{id}/events",
                     $"/api/runs/{Uri.EscapeDataString("lesson~other")}/events?sig={escapedSig}",
                     $"/api/lessons/english/verbs?level=beginner&sig={escapedSig}",
                     $"/api/runs?sig={escapedSig}",
                 })
        {
            var (response, problem) = await SendAsync(host.Client, Request(HttpMethod.Get, url));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {url} answered {(int)response.StatusCode}: {problem}");
        }

        var (lesson, _) = await SendAsync(host.Client, Request(HttpMethod.Get, "/api/lessons/english/verbs?level=beginner", _functionKey));
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
    }

    [Fact]
    public async Task Public_links_without_a_secret_to_sign_with_stop_the_host_at_start_up_and_a_separate_link_key_is_enough()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningHost.StartAsync(new Dictionary<string, string> { ["Api:PublicStatusLinks"] = "true" }));
        Assert.Contains("Api:PublicStatusLinks", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Api:StatusLinkKey", failure.Message, StringComparison.Ordinal);

        var linkKey = NewKey("links");
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string>
        {
            ["Api:PublicStatusLinks"] = "true",
            ["Api:StatusLinkKey"] = linkKey,
        });
        var (_, body) = await SendAsync(host.Client, Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" }));
        Assert.DoesNotContain(linkKey, body, StringComparison.Ordinal);
        var final = await host.PollUntilDoneAsync(new Uri(Parse(body)["statusQueryGetUri"]!.GetValue<string>()));
        Assert.Equal("Completed", final["runtimeStatus"]!.GetValue<string>());
    }
}
