using System.Reflection;
using System.Text.Json.Nodes;
using DurableLessons.Http.Auth;
using DurableLessons.Http.Security;
using DurableLessons.Http.Links;
using DurableLessons.Http.Streaming;
using DurableLessons.Llm.Configuration;
using DurableLessons.Research.Configuration;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Practice;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Storage.Configuration;
using DurableLessons.Application.Regeneration;
using DurableLessons.Application.Retention;

namespace DurableLessons.Functions.Tests.Composition;

/// <summary>
/// local.settings.sample.json is what operators copy to run the app (and the list of its app settings in Azure): it
/// names every setting the app binds, in the form the Functions host reads ("__" between sections).
/// </summary>
public sealed class SampleSettingsTests
{
    private static readonly JsonObject Values = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")))!["Values"]!.AsObject();

    public static TheoryData<string, Type> Sections => new()
    {
        { StorageOptions.SectionName, typeof(StorageOptions) },
        { LlmOptions.SectionName, typeof(LlmOptions) },
        { $"{LlmOptions.SectionName}:Providers:0", typeof(LlmProviderOptions) },
        { SecurityOptions.SectionName, typeof(SecurityOptions) },
        { ResearchOptions.SectionName, typeof(ResearchOptions) },
        { LessonOptions.SectionName, typeof(LessonOptions) },
        { SyllabusOptions.SectionName, typeof(SyllabusOptions) },
        { PracticeOptions.SectionName, typeof(PracticeOptions) },
        { RegenerationOptions.SectionName, typeof(RegenerationOptions) },
        { RetentionOptions.SectionName, typeof(RetentionOptions) },
        { ApiOptions.SectionName, typeof(ApiOptions) },
        { AuthOptions.SectionName, typeof(AuthOptions) },
        { RunEventsOptions.SectionName, typeof(RunEventsOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_sample_names_every_setting_of_the_section(string section, Type options)
    {
        var missing = Settings(section, options).Where(key => !Values.ContainsKey(key)).ToList();

        Assert.True(missing.Count == 0, $"local.settings.sample.json lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_sample_has_what_the_Functions_host_itself_needs_and_uses_its_separator()
    {
        Assert.Equal("dotnet-isolated", (string?)Values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.False(string.IsNullOrEmpty((string?)Values["AzureWebJobsStorage"]));
        Assert.DoesNotContain(Values, pair => pair.Key.Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public void Every_research_source_can_be_switched_on_or_off_from_the_sample()
    {
        foreach (var source in new[] { "local", "wikipedia", "stackexchange", "github", "devto", "docs" })
        {
            Assert.True(Values.ContainsKey($"Research__Sources__{source}__Enabled"), $"Research__Sources__{source}__Enabled is missing.");
        }
    }

    /// <summary>The "A__B" keys of every settable property, nested option classes included (collections are listed by their own theory rows).</summary>
    private static IEnumerable<string> Settings(string section, Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod?.IsPublic == true)
            .SelectMany(property =>
            {
                var key = $"{section}:{property.Name}";
                return property.PropertyType.IsClass && property.PropertyType != typeof(string)
                    ? Settings(key, property.PropertyType)
                    : [key.Replace(":", "__", StringComparison.Ordinal)];
            });
}
