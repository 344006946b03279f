using System.Net;
using System.Text.Json.Nodes;
using DurableLessons.Security.Tests.Infrastructure;
using DurableLessons.Testing.Azurite;
using DurableLessons.Testing.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static DurableLessons.Security.Tests.Infrastructure.Secrets;

namespace DurableLessons.Security.Tests;

/// <summary>
/// Configures every kind of secret the service holds (system and function keys, a model provider's API key, research
/// API keys, a Table storage connection string with an account key), drives the service through success, model
/// failures, bad requests, status reads, run lists and event streams, and then looks for each secret, plain, URL-encoded
/// or base64, in every log entry (all levels), problem body and status payload.
/// </summary>
public sealed class SecretLeakTests : IAsyncLifetime
{
    private readonly string _systemKey = NewKey("system");
    private readonly string _functionKey = NewKey("function");
    private readonly string _modelKey = NewKey("sk-model");
    private readonly string _stackExchangeKey = NewKey("se-key");
    private readonly string _gitHubToken = NewKey("ghp");
    private readonly CapturedLogs _logs = new();
    private readonly List<(string Where, string Text)> _answers = [];

    private AzuriteServer _azurite = null!;
    private FakeModel _model = null!;
    private FakeResearchApis _research = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(new AzuriteOptions { Account = AzuriteAccount.WithSecretKey("leakcheck") });
        _model = await FakeModel.StartAsync();
        _research = await FakeResearchApis.StartAsync("Regular verbs add -ed to form the past tense: walk, walked.");
    }

    public async Task DisposeAsync()
    {
        await _research.DisposeAsync();
        await _model.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task No_secret_appears_in_logs_problem_bodies_or_status_payloads()
    {
        var settings = _research.Settings(_stackExchangeKey, _gitHubToken);
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:System"] = "Trace";
        settings["Security:SystemKey"] = _systemKey;
        settings["Security:FunctionKey"] = _functionKey;
        settings["Api:PublicStatusLinks"] = "true";
        settings["Llm:Providers:0:Name"] = "primary";
        settings["Llm:Providers:0:Endpoint"] = _model.Endpoint;
        settings["Llm:Providers:0:ApiKey"] = _modelKey;
        settings["Llm:Providers:0:Model"] = "model-a";
        settings["Storage:Provider"] = "Table";
        settings["Storage:Table:ConnectionString"] = _azurite.ConnectionString;
        settings["Storage:Table:TablePrefix"] = "Leak" + Guid.NewGuid().ToString("N")[..8];

        await using (var host = await RunningHost.StartAsync(settings, services => services.AddSingleton<ILoggerProvider>(_logs)))
        {
            var completed = await StartAndFinishAsync(host, "english", "regular verbs");
            Assert.Equal("Completed", completed["runtimeStatus"]!.GetValue<string>());

            _model.Answer = _ => (StatusCodes.Status401Unauthorized, "");
            var unauthorized = await StartAndFinishAsync(host, "english", "irregular verbs");
            Assert.Equal("Failed", unauthorized["runtimeStatus"]!.GetValue<string>());

            _model.Answer = _ => (StatusCodes.Status500InternalServerError, "");
            var serverError = await StartAndFinishAsync(host, "english", "modal verbs");
            Assert.Equal("Failed", serverError["runtimeStatus"]!.GetValue<string>());

            foreach (var instance in new[] { completed, unauthorized, serverError })
            {
                await ReadEverythingAboutAsync(host, instance["instanceId"]!.GetValue<string>());
            }

            await SendBadRequestsAsync(host);
            await RecordAsync(host, Request(HttpMethod.Get, "/api/runs", _functionKey));
            await RecordAsync(host, Request(HttpMethod.Get, "/api/runs?status=Failed", _functionKey));
            await RecordAsync(host, Request(HttpMethod.Get, "/runtime/webhooks/durabletask/instances?showInput=true", _systemKey));
            await RecordAsync(host, Request(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances?code={Uri.EscapeDataString(_systemKey)}"));
        }

        // The secrets were in use: a scan that finds nothing because nothing was configured would prove nothing.
        Assert.Contains(_model.Calls, call => call.Authorization == $"Bearer {_modelKey}");
        Assert.Contains(_stackExchangeKey, _research.StackExchangeKeys);
        Assert.Contains($"Bearer {_gitHubToken}", _research.GitHubAuthorizations);
        Assert.Contains(_logs.Entries, entry => entry.Text.Contains("Azure", StringComparison.Ordinal) || entry.Text.Contains("Table", StringComparison.Ordinal));
        Assert.True(_logs.Entries.Count > 100, $"only {_logs.Entries.Count} log entries were captured");
        Assert.Contains(_logs.Entries, entry => entry.Text.Contains("/runtime/webhooks/durabletask/instances?code=*** answered 200", StringComparison.Ordinal));

        var scanner = new SecretScanner(new Dictionary<string, string>
        {
            ["Security:SystemKey"] = _systemKey,
            ["Security:FunctionKey"] = _functionKey,
            ["Llm:Providers:0:ApiKey"] = _modelKey,
            ["Research:Sources:stackexchange:ApiKey"] = _stackExchangeKey,
            ["Research:Sources:github:ApiKey"] = _gitHubToken,
            ["Storage:Table:ConnectionString AccountKey"] = _azurite.Account.Key,
        });
        var leaks = _logs.Entries.Select((entry, index) => (Where: $"log entry {index}", Text: entry.Text))
            .Concat(_answers)
            .SelectMany(item => scanner.Find(item.Where, item.Text))
            .ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} secret(s) leaked:\n{string.Join("\n\n", leaks.Take(20))}");
    }

    private async Task<JsonObject> StartAndFinishAsync(RunningHost host, string subject, string topic)
    {
        var (response, body) = await RecordAsync(host, Request(HttpMethod.Post, "/api/lessons", _functionKey,
            new { subject, topic, level = "beginner", sources = new[] { "local", "stackexchange", "github" } }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var link = new Uri(Parse(body)["statusQueryGetUri"]!.GetValue<string>());
        var final = await host.PollUntilDoneAsync(link, TimeSpan.FromSeconds(60));
        _answers.Add(($"status of {subject}/{topic}", final.ToJsonString()));
        return final;
    }

    private async Task ReadEverythingAboutAsync(RunningHost host, string instanceId)
    {
        var id = Uri.EscapeDataString(instanceId);
        await RecordAsync(host, Request(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{id}?showHistory=true&showHistoryOutput=true&showInput=true", _systemKey));
        await RecordAsync(host, Request(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{id}?showHistory=true&showHistoryOutput=true&code={Uri.EscapeDataString(_systemKey)}"));
        await RecordAsync(host, Request(HttpMethod.Get, $"/api/runs/{id}/events", _functionKey));
    }

    private async Task SendBadRequestsAsync(RunningHost host)
    {
        var broken = Request(HttpMethod.Post, "/api/lessons", _functionKey);
        broken.Content = new StringContent("{\"subject\": ", System.Text.Encoding.UTF8, "application/json");
        await RecordAsync(host, broken);
        var wrongType = Request(HttpMethod.Post, "/api/lessons", _functionKey);
        wrongType.Content = new StringContent($"subject={_systemKey}", System.Text.Encoding.UTF8, "text/plain");
        await RecordAsync(host, wrongType);
        await RecordAsync(host, Request(HttpMethod.Post, "/api/lessons", _functionKey, new { subject = "", topic = "x", level = "wizard" }));
        await RecordAsync(host, Request(HttpMethod.Post, "/api/lessons", json: new { subject = "english", topic = "verbs", level = "beginner" }));
        await RecordAsync(host, Request(HttpMethod.Post, "/api/lessons", _functionKey[..^1], new { subject = "english", topic = "verbs", level = "beginner" }));
        await RecordAsync(host, Request(HttpMethod.Get, "/runtime/webhooks/durabletask/instances/nope", _functionKey));
        await RecordAsync(host, Request(HttpMethod.Get, "/runtime/webhooks/durabletask/instances/nope", _systemKey));
        await RecordAsync(host, Request(HttpMethod.Get, "/runtime/webhooks/durabletask/instances?top=banana", _systemKey));
        await RecordAsync(host, Request(HttpMethod.Post, "/runtime/webhooks/durabletask/instances/nope/terminate?reason=x", _systemKey));
        await RecordAsync(host, Request(HttpMethod.Post, "/api/admin/runs/terminate", _functionKey));
        await RecordAsync(host, Request(HttpMethod.Get, "/api/runs/nope/status?sig=AAAA"));
        await RecordAsync(host, Request(HttpMethod.Get, "/api/runs/nope/events", _functionKey));
        await RecordAsync(host, Request(HttpMethod.Get, "/api/lessons/english/verbs?level=wizard", _functionKey));
    }

    private async Task<(HttpResponseMessage Response, string Body)> RecordAsync(RunningHost host, HttpRequestMessage request)
    {
        var what = $"{request.Method} {request.RequestUri}";
        var (response, body) = await SendAsync(host.Client, request);
        var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        _answers.Add(($"answer to {what} ({(int)response.StatusCode})", headers + "\n\n" + body));
        return (response, body);
    }
}
