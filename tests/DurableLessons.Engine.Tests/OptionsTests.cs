using DurableLessons.Engine.Tests.Infrastructure;
using DurableLessons.Engine.Tests.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DurableLessons.Engine.Tests;

/// <summary>Embedded only: the engine's settings.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("Engine:MaxConcurrentActivities", "0")]
    [InlineData("Engine:MaxConcurrentOrchestrations", "-1")]
    [InlineData("Engine:MaxCustomStatusBytes", "10")]
    public async Task Invalid_settings_stop_the_host_at_start(string key, string value)
    {
        using var database = new TempDatabase();
        using var host = Build(new() { ["Engine:DatabasePath"] = database.DatabasePath, [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_goes_to_DataDirectory_when_no_path_is_given()
    {
        using var database = new TempDatabase();
        var dataDirectory = Path.Combine(database.Directory, "data");
        using var host = Build(new() { ["DataDirectory"] = dataDirectory });

        var options = host.Services.GetRequiredService<IOptions<EngineOptions>>().Value;
        await host.Services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(nameof(GreetingChain), new Greeting("D", 1));

        Assert.Equal(Path.Combine(dataDirectory, "durable.db"), options.DatabasePath);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "durable.db")));
        Assert.Equal(8, options.MaxConcurrentOrchestrations);
        Assert.Equal(32, options.MaxConcurrentActivities);
        Assert.Equal(16384, options.MaxCustomStatusBytes);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        TestServices.With(new Probe())(builder.Services);
        builder.Services.AddDurableTasks(BasicTasks.Register);
        builder.Services.AddDurableEngine(builder.Configuration);
        return builder.Build();
    }
}
