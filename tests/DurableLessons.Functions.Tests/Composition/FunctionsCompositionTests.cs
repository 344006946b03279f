using System.Text.Json.Nodes;
using DurableLessons.Functions.Tests.Parity;
using DurableLessons.Hosts.Functions.Adapters;
using DurableLessons.Http.Links;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Workflow;
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
    public void The_app_uses_the_Durable_backed_workflow_client_and_management_links()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings());

        Assert.IsType<FunctionsWorkflowClient>(services.GetRequiredService<IWorkflowClient>());
        Assert.IsType<FunctionsManagementLinkFactory>(services.GetRequiredService<IManagementLinkFactory>());
    }

    [Fact]
    public void Every_function_class_and_every_activity_it_runs_can_be_created_from_the_container()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings());
        using var scope = services.CreateScope();

        foreach (var functionClass in FunctionBindings.All.Select(function => function.Method.DeclaringType!).Distinct())
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, functionClass));
        }

        foreach (var activity in scope.ServiceProvider.GetRequiredService<WorkflowRegistry>().Activities.Values)
        {
            Assert.NotNull(scope.ServiceProvider.GetRequiredService(activity));
        }
    }

    [Fact]
    public void Durable_payloads_are_serialized_like_the_embedded_host_does_camelCase_with_enums_as_strings()
    {
        using var services = FunctionsApp.Compose(FunctionsApp.SampleSettings());
        var serializer = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer;
        Assert.NotNull(serializer);
        var input = new LessonRunInput("chemistry", "bonds", LessonLevel.Advanced, null, "en", ["local"], 10, 600, 3000);

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
