using System.Text.Json.Nodes;
using DurableLessons.Functions.Tests.Parity;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableLessons.Functions.Tests.Composition;

/// <summary>The Functions app's DI composition (what Program.cs runs) with the settings of local.settings.sample.json.</summary>
public sealed class FunctionsCompositionTests
{
    [Fact]
    public void The_sample_settings_pass_every_start_up_validation()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings());

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Every_http_and_timer_function_class_can_be_created_from_the_container()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings());
        using var scope = services.CreateScope();

        var instanceClasses = FunctionBindings.All
            .Where(function => !function.Method.IsStatic)
            .Select(function => function.Method.DeclaringType!)
            .Distinct()
            .ToList();

        Assert.NotEmpty(instanceClasses);
        foreach (var functionClass in instanceClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, functionClass));
        }
    }

    [Fact]
    public void Durable_payloads_are_serialized_like_the_embedded_host_does_camelCase_with_enums_as_strings()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings());
        var serializer = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer;
        Assert.NotNull(serializer);
        var input = new LessonRunInput("chemistry", "bonds", LessonLevel.Advanced, "en", ["local"], 600, 3000);

        var json = JsonNode.Parse(serializer.Serialize(input).ToString())!.AsObject();

        Assert.Equal(WorkflowJson.Serialize(input), json.ToJsonString());
        Assert.Equal("Advanced", (string?)json["level"]);
    }

    [Fact]
    public void Storing_lessons_in_SQLite_is_refused_at_start_up_with_the_setting_to_change()
    {
        var settings = FunctionsApp.SampleSettings();
        settings["Storage:Provider"] = "Sqlite";
        using var services = FunctionsApp.Compose(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Provider must be 'Table' on Azure Functions", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_the_app_refuses_to_start_without_a_system_key_guarding_the_admin_routes()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings(), environment: "Production");

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Security:SystemKey must be set outside Development", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("too-short", false)]
    [InlineData("a strong key with spaces", false)]
    [InlineData("k3y-0f-at-least-16-chars", true)]
    public void Outside_Development_the_system_key_must_be_strong(string key, bool accepted)
    {
        var settings = FunctionsApp.SampleSettings();
        settings["Security:SystemKey"] = key;
        using var services = FunctionsApp.Compose(settings, environment: "Production");

        var failure = Record.Exception(() => services.GetRequiredService<IStartupValidator>().Validate());

        if (accepted)
        {
            Assert.Null(failure);
        }
        else
        {
            Assert.Contains("at least 16 characters", Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
        }
    }
}
