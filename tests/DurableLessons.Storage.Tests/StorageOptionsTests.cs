using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Tests;

/// <summary>Start-up validation of the Storage configuration: the host refuses to start, naming the key to fix.</summary>
public sealed class StorageOptionsTests
{
    private const string SecretKey = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHM=";

    [Theory]
    [InlineData("Storage:Provider", "Cosmos", "Storage:Provider")]
    [InlineData("Storage:Provider", "1", "Storage:Provider")]
    public void An_unknown_provider_stops_the_start(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_provider_needs_a_connection_string_or_an_endpoint()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(new() { ["Storage:Provider"] = "Table" }));

        Assert.Contains("Storage:Table:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Table:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_connection_string_is_named_without_echoing_its_secret()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(new()
        {
            ["Storage:Provider"] = "table",
            ["Storage:Table:ConnectionString"] = $"AccountName=acct;AccountKey={SecretKey}!!",
        }));

        Assert.Contains("Storage:Table:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + SecretKey + ";EndpointSuffix=core.windows.net")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + SecretKey + ";TableEndpoint=http://127.0.0.1:41234/devstoreaccount1;")]
    [InlineData("TableEndpoint=https://acct.table.core.windows.net;SharedAccessSignature=sv=2020-08-04&ss=t&srt=sco&sp=rwdlacu&se=2030-01-01T00:00:00Z&sig=abc")]
    public void Connection_strings_for_azurite_an_account_key_or_a_sas_start_without_contacting_azure(string connectionString)
    {
        using var services = Start(new() { ["Storage:Provider"] = "Table", ["Storage:Table:ConnectionString"] = connectionString });

        Assert.NotNull(services.GetRequiredService<ILessonStore>());
    }

    [Theory]
    [InlineData("just some text " + SecretKey)]
    [InlineData("AccountName=acct")]
    [InlineData("AccountKey=" + SecretKey)]
    public void Connection_strings_the_sdk_cannot_use_stop_the_start_naming_the_key(string connectionString)
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => Start(new() { ["Storage:Provider"] = "Table", ["Storage:Table:ConnectionString"] = connectionString }));

        Assert.Contains("Storage:Table:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccountKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:Table:Endpoint", "http://acct.table.core.windows.net", "Storage:Table:Endpoint")]
    [InlineData("Storage:Table:TablePrefix", "1bad", "Storage:Table:TablePrefix")]
    [InlineData("Storage:Table:TablePrefix", "with-dash", "Storage:Table:TablePrefix")]
    public void Invalid_table_settings_are_named(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Table", ["Storage:Table:Endpoint"] = "https://acct.table.core.windows.net", [key] = value };

        var error = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_both_a_connection_string_and_an_endpoint_is_ambiguous()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(new()
        {
            ["Storage:Provider"] = "Table",
            ["Storage:Table:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:Table:Endpoint"] = "https://acct.table.core.windows.net",
        }));

        Assert.Contains("exactly one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_data_directory_stops_the_start()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(new() { ["DataDirectory"] = "" }));

        Assert.Contains("DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entra_id_settings_start_without_contacting_azure()
    {
        using var services = Start(new() { ["Storage:Provider"] = "Table", ["Storage:Table:Endpoint"] = "https://acct.table.core.windows.net" });

        Assert.NotNull(services.GetRequiredService<ILessonStore>());
        Assert.NotNull(services.GetRequiredService<IArtifactStore>());
    }

    [Fact]
    public async Task Without_storage_settings_lessons_go_to_sqlite_in_the_data_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"lessons-{Guid.NewGuid():N}");
        try
        {
            await using (var services = Start(new() { ["DataDirectory"] = directory }))
            {
                var saved = await services.GetRequiredService<ILessonStore>()
                    .SaveNewVersionAsync(new LessonKey("Music", "Scales", LessonLevel.Beginner), "run-1", SampleLessons.Document("Scales"), CancellationToken.None);
                Assert.Equal("1.0", saved.Version);
            }

            Assert.True(File.Exists(Path.Combine(directory, "lessons.db")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceProvider Start(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLessonStorage(configuration).BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return services;
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }
}
