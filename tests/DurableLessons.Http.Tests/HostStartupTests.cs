using System.Net;
using DurableLessons.Hosts.Local;
using DurableLessons.Http.Tests.Infrastructure;
using DurableLessons.Testing.Logging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Http.Tests;

public sealed class HostStartupTests
{
    [Fact]
    public async Task Host_creates_its_data_directory_keeps_state_there_and_reports_its_start()
    {
        using var temporary = new TemporaryDirectory();
        var dataDirectory = temporary.Path;
        Assert.False(Directory.Exists(dataDirectory));
        var logs = new CapturedLogs();
        await using var app = WebhookTestHost.Build(dataDirectory, logs, ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Information"]);

        await app.StartAsync();
        try
        {
            Assert.True(Directory.Exists(dataDirectory));
            var url = app.Urls.Single();
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            using var response = await client.GetAsync($"{WebhookApi.Base}/instances");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(dataDirectory));
            Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Information
                && entry.Message.Contains(url, StringComparison.Ordinal)
                && entry.Message.Contains(dataDirectory, StringComparison.Ordinal)
                && entry.Message.Contains("Security:SystemKey not set", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Host_refuses_to_start_with_a_system_key_too_short_to_protect_anything()
    {
        using var dataDirectory = new TemporaryDirectory();
        await using var app = WebhookTestHost.Build(dataDirectory.Path, new CapturedLogs(), ["--urls=http://127.0.0.1:0", "--Security:SystemKey=short"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Security:SystemKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_listens_on_loopback_port_7071_unless_urls_are_configured()
    {
        var configured = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? Environment.GetEnvironmentVariable("DOTNET_URLS");
        using var dataDirectory = new TemporaryDirectory();
        await using var app = LocalHost.Build([$"--DataDirectory={dataDirectory.Path}"]);
        await using var overridden = LocalHost.Build([$"--DataDirectory={dataDirectory.Path}", "--urls=http://127.0.0.1:9123"]);

        Assert.Equal(configured ?? "http://127.0.0.1:7071", app.Configuration["urls"]);
        Assert.Equal("http://127.0.0.1:9123", overridden.Configuration["urls"]);
    }

    [Fact]
    public async Task Host_with_sign_in_keeps_data_protection_but_does_not_load_its_key_ring_at_start_up()
    {
        // The name the host removes: if ASP.NET Core renames its key-ring loader, this fails instead of the host
        // silently loading the key ring (and System.Private.Xml) at start-up again.
        const string KeyRingLoader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";
        Assert.Contains(new ServiceCollection().AddDataProtection().Services, descriptor => descriptor.ImplementationType?.FullName == KeyRingLoader);
        using var dataDirectory = new TemporaryDirectory();

        await using var app = LocalHost.Build(
        [
            $"--DataDirectory={dataDirectory.Path}", "--urls=http://127.0.0.1:0",
            "--Auth:Authority=https://login.example.test/tenant", "--Auth:Audience=api://durable-lessons",
        ]);

        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service.GetType().FullName == KeyRingLoader);
        Assert.NotNull(app.Services.GetService<IDataProtectionProvider>());
    }

    [Fact]
    public async Task Host_without_sign_in_registers_neither_authentication_nor_data_protection()
    {
        using var dataDirectory = new TemporaryDirectory();

        await using var app = LocalHost.Build([$"--DataDirectory={dataDirectory.Path}", "--urls=http://127.0.0.1:0"]);

        Assert.Null(app.Services.GetService<IAuthenticationSchemeProvider>());
        Assert.Null(app.Services.GetService<IDataProtectionProvider>());
    }
}
