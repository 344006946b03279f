using DurableLessons.Research.Configuration;
using DurableLessons.Research.Tests.Infrastructure;
using DurableLessons.Shared.Research;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DurableLessons.Research.Tests.Configuration;

public sealed class ResearchOptionsTests
{
    [Fact]
    public void By_default_only_the_local_corpus_is_enabled_and_sources_time_out_after_ten_seconds()
    {
        using var services = ResearchTestHost.Build();
        var catalog = services.GetRequiredService<IResearchSourceCatalog>();

        Assert.Equal(["local"], catalog.EnabledSources);
        Assert.Equal(["local", "wikipedia", "stackexchange", "github", "devto", "docs"], catalog.KnownSources);
        Assert.All(catalog.KnownSources, name => Assert.Equal(TimeSpan.FromSeconds(10), catalog.TimeoutFor(name)));
        Assert.Same(catalog, services.GetRequiredService<IResearchSourceDirectory>());
    }

    [Fact]
    public void Configuration_enables_sources_case_insensitively_and_sets_their_timeouts()
    {
        using var services = ResearchTestHost.Build(new Dictionary<string, string?>
        {
            ["Research:Sources:Wikipedia:Enabled"] = "true",
            ["Research:Sources:wikipedia:TimeoutSeconds"] = "4",
            ["Research:Sources:github:Enabled"] = "true",
            ["Research:Sources:local:Enabled"] = "false",
            ["Research:DefaultTimeoutSeconds"] = "7",
        });
        var catalog = services.GetRequiredService<IResearchSourceCatalog>();

        Assert.Equal(["wikipedia", "github"], catalog.EnabledSources);
        Assert.Equal(TimeSpan.FromSeconds(4), catalog.TimeoutFor("WIKIPEDIA"));
        Assert.Equal(TimeSpan.FromSeconds(7), catalog.TimeoutFor("github"));
        Assert.Equal("wikipedia", catalog.Get("Wikipedia").Name);
    }

    [Fact]
    public void Asking_for_a_disabled_or_unknown_source_says_what_to_do()
    {
        using var services = ResearchTestHost.Build();
        var catalog = services.GetRequiredService<IResearchSourceCatalog>();

        var disabled = Assert.Throws<InvalidOperationException>(() => catalog.Get("github"));
        Assert.Contains("Research:Sources:github:Enabled", disabled.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => catalog.Get("bing"));
        Assert.Contains("local, wikipedia", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Research:Sources:wikipedia:BaseUrl", "not a url", "Research:Sources:wikipedia:BaseUrl")]
    [InlineData("Research:Sources:github:BaseUrl", "ftp://api.github.com", "Research:Sources:github:BaseUrl")]
    [InlineData("Research:Sources:devto:TimeoutSeconds", "0", "Research:Sources:devto:TimeoutSeconds")]
    [InlineData("Research:Sources:local:MaxResults", "500", "Research:Sources:local:MaxResults")]
    [InlineData("Research:Sources:stackexchange:Site", "stack overflow", "Research:Sources:stackexchange:Site")]
    [InlineData("Research:Sources:docs:SearchPath", "search?q=", "Research:Sources:docs:SearchPath")]
    [InlineData("Research:Sources:wikipeida:Enabled", "true", "Research:Sources:wikipeida is not a known research source")]
    [InlineData("Research:Sources:docs:Enabled", "true", "Research:Sources:docs:BaseUrl is required")]
    [InlineData("Research:DefaultTimeoutSeconds", "9999", "Research:DefaultTimeoutSeconds")]
    [InlineData("Research:UserAgent", "(no product)", "Research:UserAgent")]
    [InlineData("Research:CorpusPath", "/definitely/not/here", "Research:CorpusPath")]
    public void A_bad_setting_fails_with_a_message_naming_its_key(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => ResearchTestHost.Build(new Dictionary<string, string?> { [key] = value }).GetRequiredService<IResearchSourceCatalog>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_corpus_is_fine_when_the_local_source_is_disabled()
    {
        using var services = ResearchTestHost.Build(new Dictionary<string, string?>
        {
            ["Research:CorpusPath"] = "/definitely/not/here",
            ["Research:Sources:local:Enabled"] = "false",
        });

        Assert.Empty(services.GetRequiredService<IResearchSourceCatalog>().EnabledSources);
    }

    [Fact]
    public async Task A_host_will_not_start_with_invalid_research_settings()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Research:Sources:wikipedia:BaseUrl"] = "en.wikipedia.org" });
        builder.Services.AddResearch(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Research:Sources:wikipedia:BaseUrl must be an absolute http or https URL; got 'en.wikipedia.org'", error.Message, StringComparison.Ordinal);
    }
}
