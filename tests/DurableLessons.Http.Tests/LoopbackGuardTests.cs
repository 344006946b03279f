using DurableLessons.Http.Security;
using DurableLessons.Http.Tests.Infrastructure;
using DurableLessons.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace DurableLessons.Http.Tests;

public sealed class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://+:0")]
    [InlineData("http://[::]:0")]
    public async Task Without_a_system_key_the_host_refuses_to_listen_beyond_loopback(string url)
    {
        var logs = new CapturedLogs();
        using var dataDirectory = new TemporaryDirectory();
        await using var app = WebhookTestHost.Build(dataDirectory.Path, logs, [$"--urls={url}"]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("Security:SystemKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Critical
            && entry.Message.Contains("Security:SystemKey", StringComparison.Ordinal)
            && entry.Message.Contains(url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_system_key_a_kestrel_endpoint_beyond_loopback_is_refused_too()
    {
        var logs = new CapturedLogs();
        using var dataDirectory = new TemporaryDirectory();
        await using var app = WebhookTestHost.Build(dataDirectory.Path, logs, ["--urls=http://127.0.0.1:0", "--Kestrel:Endpoints:Public:Url=http://0.0.0.0:0"]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("http://0.0.0.0:0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("https://127.0.0.2:443", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("http://unix:/tmp/durable.sock", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://[::]:80", false)]
    [InlineData("http://lessons.example.org:80", false)]
    [InlineData("http://192.168.1.20:7071", false)]
    [InlineData("not a url", false)]
    public void Listen_urls_are_classified_by_who_can_reach_them(string url, bool loopbackOnly) =>
        Assert.Equal(loopbackOnly, ListenAddresses.IsLoopbackOnly(url));
}
