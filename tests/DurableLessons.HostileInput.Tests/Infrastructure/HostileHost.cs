using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using DurableLessons.HostileInput.Tests.Corpus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>
/// The real embedded host, shared by the corpus: a system key is configured (so key abuse is part of the corpus),
/// schedules are moved out of the way, and one failed run is seeded so that injection attempts have something
/// they could leak and state-dependent answers (410) can be reached. <see cref="Baseline"/> is what was stored
/// before the first hostile request.
/// </summary>
public sealed class HostileHost : RunningHostFixture
{
    public const string SystemKey = "hostile-input-system-key-5f1c2d";
    public const string SeedInstanceId = "seed-run";
    public const string WebhookBase = "/runtime/webhooks/durabletask";

    private readonly ConcurrentDictionary<string, CaseResponse> _answered = new(StringComparer.Ordinal);
    public StoredState Baseline { get; private set; } = null!;

    public string DataDirectory => Host.Services.GetRequiredService<IConfiguration>()["DataDirectory"]!;

    /// <summary>Names of the cases sent so far (each case is sent once per fixture).</summary>
    public IReadOnlyCollection<string> Answered => [.. _answered.Keys];

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Security:SystemKey"] = SystemKey,
        // Far from any test run, so no scheduled run appears in the middle of the corpus.
        ["Regeneration:Schedule"] = "0 0 0 1 1 *",
        ["Retention:Schedule"] = "0 0 0 1 1 *",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedFailedRunAsync();
        Baseline = await ReadStateAsync();
    }

    public Task<StoredState> ReadStateAsync() => StoredState.ReadAsync(Host.Client, SystemKey, DataDirectory);

    public async Task<CaseResponse> SendAsync(HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        var response = hostile.Request.Raw is { } raw
            ? await RawHttp.SendAsync(Host.BaseAddress, raw, CancellationToken.None)
            : await SendWithHttpClientAsync(hostile.Request);
        _answered[hostile.ToString()] = response;
        return response;
    }

    protected override Task<RunningHost> StartHostAsync() => RunningHost.StartAsync(Settings);

    private async Task<CaseResponse> SendWithHttpClientAsync(HostileRequest spec)
    {
        using var request = new HttpRequestMessage(new HttpMethod(spec.Method), new Uri(spec.Path, UriKind.Relative));
        if (spec.Body is not null)
        {
            request.Content = spec.Chunked ? new UnknownLengthContent(spec.Body) : new ByteArrayContent(spec.Body);
            if (spec.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", spec.ContentType);
            }
        }

        var headers = spec.Headers ?? [];
        if (!spec.WithoutSystemKey && !headers.Any(h => h.Key.Equals("x-functions-key", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.Add("x-functions-key", SystemKey);
        }

        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await Host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new CaseResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Starts a LessonGeneration whose input is not a lesson input, so it fails and stays Failed.</summary>
    private async Task SeedFailedRunAsync()
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, $"{WebhookBase}/orchestrators/LessonGeneration/{SeedInstanceId}")
        {
            Content = new StringContent("\"not a lesson input\"", Encoding.UTF8, "application/json"),
        };
        start.Headers.Add("x-functions-key", SystemKey);
        using var started = await Host.Client.SendAsync(start);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"Seeding failed: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? status = null;
        while (DateTime.UtcNow < deadline)
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"{WebhookBase}/instances/{SeedInstanceId}");
            poll.Headers.Add("x-functions-key", SystemKey);
            using var answer = await Host.Client.SendAsync(poll);
            using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            status = document.RootElement.GetProperty("runtimeStatus").GetString();
            if (status == "Failed")
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The seeded run did not fail as expected; it is {status}.");
    }

    /// <summary>A body sent with Transfer-Encoding: chunked, as a client streaming an upload would.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(16 * 1024, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
