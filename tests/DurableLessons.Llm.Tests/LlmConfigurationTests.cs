using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using DurableLessons.Llm.Offline;
using DurableLessons.Llm.Tests.Fakes;
using DurableLessons.Shared.Authoring;
using DurableLessons.Testing.Logging;
using DurableLessons.Testing.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm.Tests;

/// <summary>Configuration as a host sees it: bound, validated when the host starts, and announced once.</summary>
public sealed class LlmConfigurationTests
{
    [Fact]
    public async Task Host_starts_with_no_providers_and_writes_offline()
    {
        var (host, logs) = BuildHost(new Dictionary<string, string?>());
        using (host)
        {
            await host.StartAsync();

            Assert.IsType<OfflineLessonAuthor>(host.Services.GetRequiredService<ILessonAuthor>());
            Assert.Single(logs.Entries, e => e.MessageWithException.Contains("written offline", StringComparison.Ordinal));
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Host_start_logs_the_providers_in_order_without_their_keys()
    {
        var (host, logs) = BuildHost(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "openai",
            ["Llm:Providers:0:Model"] = "gpt-4o-mini",
            ["Llm:Providers:0:ApiKey"] = "sk-never-log-me-1",
            ["Llm:Providers:1:Endpoint"] = "http://127.0.0.1:8080/v1",
            ["Llm:Providers:1:Model"] = "llama3",
            ["Llm:Providers:1:TimeoutSeconds"] = "20",
        });
        using (host)
        {
            await host.StartAsync();

            var author = Assert.IsType<ModelLessonAuthor>(host.Services.GetRequiredService<ILessonAuthor>());
            Assert.Equal(["openai/gpt-4o-mini", "127.0.0.1/llama3"], author.Generators);
            var line = Assert.Single(logs.Entries, e => e.MessageWithException.Contains("LLM providers", StringComparison.Ordinal)).MessageWithException;
            Assert.Contains("openai/gpt-4o-mini at https://api.openai.com/v1 (timeout 60 s)", line, StringComparison.Ordinal);
            Assert.Contains("127.0.0.1/llama3 at http://127.0.0.1:8080/v1 (timeout 20 s, no API key)", line, StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Entries, e => e.MessageWithException.Contains("sk-never-log-me-1", StringComparison.Ordinal));
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("Llm:Providers:1:Model", "1", "Endpoint", "http://127.0.0.1:8080/v1")]
    [InlineData("Llm:Providers:0:Endpoint", "0", "Endpoint", "api.openai.com/v1")]
    [InlineData("Llm:Providers:0:Endpoint", "0", "Endpoint", "ftp://models.example/v1")]
    [InlineData("Llm:Providers:0:TimeoutSeconds", "0", "TimeoutSeconds", "0")]
    public async Task Invalid_provider_settings_fail_start_naming_the_key(string expectedKey, string index, string setting, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Endpoint"] = "https://api.openai.com/v1",
            ["Llm:Providers:0:Model"] = "gpt-4o-mini",
            ["Llm:Providers:0:ApiKey"] = "k",
        };
        if (index == "1")
        {
            settings["Llm:Providers:1:Name"] = "local";
        }

        settings[$"Llm:Providers:{index}:{setting}"] = value;
        var (host, _) = BuildHost(settings);
        using (host)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains(expectedKey, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://lessons.openai.azure.com/", null, "lessons.openai.azure.com/gpt4o-deploy at https://lessons.openai.azure.com/ (Azure OpenAI, api-version the SDK's default, API key, timeout 60 s)")]
    [InlineData("https://lessons.cognitiveservices.azure.com/", null, "lessons.cognitiveservices.azure.com/gpt4o-deploy at https://lessons.cognitiveservices.azure.com/ (Azure OpenAI,")]
    [InlineData("https://lessons.openai.azure.com/openai/v1/", null, "lessons.openai.azure.com/gpt4o-deploy at https://lessons.openai.azure.com/ (Azure OpenAI,")]
    [InlineData("https://gateway.example.com/aoai/", "AzureOpenAI", "gateway.example.com/gpt4o-deploy at https://gateway.example.com/aoai/ (Azure OpenAI,")]
    [InlineData("https://lessons.openai.azure.com/openai/v1/", "OpenAI", "lessons.openai.azure.com/gpt-4o at https://lessons.openai.azure.com/openai/v1/ (timeout 60 s)")]
    [InlineData("https://api.openai.com/v1", null, "api.openai.com/gpt-4o at https://api.openai.com/v1 (timeout 60 s)")]
    public async Task Kind_defaults_to_azure_openai_by_the_endpoint_host(string endpoint, string? kind, string announced)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Endpoint"] = endpoint,
            ["Llm:Providers:0:Kind"] = kind,
            ["Llm:Providers:0:Model"] = "gpt-4o",
            ["Llm:Providers:0:ApiKey"] = "k",
        };
        if (kind != "OpenAI" && !endpoint.Contains("api.openai.com", StringComparison.Ordinal))
        {
            settings["Llm:Providers:0:Deployment"] = "gpt4o-deploy";
        }

        var (host, logs) = BuildHost(settings);
        using (host)
        {
            await host.StartAsync();

            var line = Assert.Single(logs.Entries, e => e.MessageWithException.Contains("LLM providers", StringComparison.Ordinal)).MessageWithException;
            Assert.Contains(announced, line, StringComparison.Ordinal);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Azure_provider_without_a_key_announces_entra_id_and_its_managed_identity()
    {
        var (host, logs) = BuildHost(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Endpoint"] = "https://lessons.openai.azure.com/",
            ["Llm:Providers:0:Deployment"] = "gpt4o-deploy",
            ["Llm:Providers:0:ApiVersion"] = "2024-10-21",
            ["Llm:Providers:0:ManagedIdentityClientId"] = "11111111-2222-3333-4444-555555555555",
        });
        using (host)
        {
            await host.StartAsync();

            Assert.Single(logs.Entries, e => e.MessageWithException.Contains(
                "(Azure OpenAI, api-version 2024-10-21, Entra ID, managed identity 11111111-2222-3333-4444-555555555555, timeout 60 s)", StringComparison.Ordinal));
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("Kind", "Gemini", "Llm:Providers:0:Kind 'Gemini' is not known; use one of: OpenAI, AzureOpenAI.")]
    [InlineData("Kind", "1", "Llm:Providers:0:Kind '1' is not known")]
    [InlineData("Deployment", null, "Llm:Providers:0:Deployment is required for an AzureOpenAI provider (or Llm:Providers:0:Model, which it falls back to).")]
    [InlineData("Endpoint", null, "Llm:Providers:0:Endpoint is required for an AzureOpenAI provider")]
    [InlineData("ApiVersion", "2023-01-01", "Llm:Providers:0:ApiVersion '2023-01-01' is not one this client supports; use one of: 2024-06-01,")]
    public async Task Invalid_azure_settings_fail_start_naming_the_key(string setting, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Kind"] = "AzureOpenAI",
            ["Llm:Providers:0:Endpoint"] = "https://lessons.openai.azure.com/",
            ["Llm:Providers:0:Deployment"] = "gpt4o-deploy",
            [$"Llm:Providers:0:{setting}"] = value,
        };
        var (host, _) = BuildHost(settings);
        using (host)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Deployment", "gpt4o-deploy")]
    [InlineData("ApiVersion", "2024-10-21")]
    [InlineData("ManagedIdentityClientId", "11111111-2222-3333-4444-555555555555")]
    public async Task Azure_only_settings_on_an_openai_provider_fail_start_naming_the_key(string setting, string value)
    {
        var (host, _) = BuildHost(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Endpoint"] = "https://api.openai.com/v1",
            ["Llm:Providers:0:Model"] = "gpt-4o-mini",
            [$"Llm:Providers:0:{setting}"] = value,
        });
        using (host)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains($"Llm:Providers:0:{setting} applies to AzureOpenAI providers only; set Llm:Providers:0:Kind to AzureOpenAI", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Entries_left_blank_count_as_not_configured()
    {
        var (host, _) = BuildHost(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Endpoint"] = string.Empty,
            ["Llm:Providers:0:Model"] = " ",
            ["Llm:Providers:0:ApiKey"] = string.Empty,
        });
        using (host)
        {
            await host.StartAsync();

            Assert.IsType<OfflineLessonAuthor>(host.Services.GetRequiredService<ILessonAuthor>());
            await host.StopAsync();
        }
    }

    [Fact]
    public void Timeout_defaults_to_sixty_seconds()
    {
        var (_, _, services) = AuthorFactory.Create(new Dictionary<string, string?> { ["Llm:Providers:0:Model"] = "gpt-4o-mini" });

        var provider = Assert.Single(services.GetRequiredService<IOptions<LlmOptions>>().Value.Providers);
        Assert.Equal(60, provider.TimeoutSeconds);
    }

    [Fact]
    public async Task Providers_can_be_configured_with_environment_variables()
    {
        await using var server = await ScriptedChatServer.StartAsync();
        var prefix = $"DL_LLM_TEST_{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            [$"{prefix}Llm__Providers__0__Name"] = "env",
            [$"{prefix}Llm__Providers__0__Endpoint"] = server.Endpoint,
            [$"{prefix}Llm__Providers__0__Model"] = "env-model",
            [$"{prefix}Llm__Providers__0__ApiKey"] = "env-key",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            using var services = new ServiceCollection().AddLogging().AddLessonAuthor(configuration).BuildServiceProvider();
            server.Enqueue(ChatReply.Json(LessonSamples.Outline));

            var result = await services.GetRequiredService<ILessonAuthor>().OutlineAsync(LessonSamples.Brief(), LessonSamples.Research(), CancellationToken.None);

            Assert.Equal("env/env-model", result.Generator);
            Assert.Equal("Bearer env-key", Assert.Single(server.Requests).Header("Authorization"));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    private static (IHost Host, CapturedLogs Logs) BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.Services.AddLessonAuthor(builder.Configuration);
        return (builder.Build(), logs);
    }
}
