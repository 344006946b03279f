using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Storage;
using DurableLessons.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableLessons.Storage.Tests;

/// <summary>
/// What every <see cref="ILessonStore"/> and <see cref="IArtifactStore"/> must do, run against each provider through
/// <see cref="StorageServiceCollectionExtensions.AddLessonStorage"/>. Each test gets fresh, empty storage.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    protected static readonly CancellationToken None = CancellationToken.None;

    private static readonly LessonKey English = new("English", "Past tense", LessonLevel.Beginner);
    private ServiceProvider? services;

    internal ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero));

    protected ILessonStore Lessons { get; private set; } = null!;

    protected IArtifactStore Artifacts { get; private set; } = null!;

    /// <summary>Configuration selecting and isolating the provider under test.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public async Task InitializeAsync()
    {
        services = BuildServices(Settings, Time);
        Lessons = services.GetRequiredService<ILessonStore>();
        Artifacts = services.GetRequiredService<IArtifactStore>();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await CleanUpAsync();
    }

    /// <param name="replace">Swaps registrations after the product's (a test credential or transport).</param>
    internal static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> settings, TimeProvider time, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection()
            .AddSingleton(time)
            .AddLessonStorage(configuration);
        replace?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    [Fact]
    public async Task Versions_count_up_from_1_0_per_lesson_and_list_oldest_first()
    {
        var saved = new List<LessonVersionInfo>();
        for (var i = 0; i < 12; i++)
        {
            saved.Add(await Lessons.SaveNewVersionAsync(English, $"run-{i}", SampleLessons.Document($"Title {i}"), None));
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var expected = Enumerable.Range(0, 12).Select(i => $"1.{i}").ToArray();
        Assert.Equal(expected, saved.Select(info => info.Version));
        var listed = await Lessons.ListVersionsAsync(English, None);
        Assert.Equal(expected, listed.Select(info => info.Version));
        Assert.Equal(saved.Select(info => info.RunId), listed.Select(info => info.RunId));
        Assert.Equal(saved.Select(info => info.Title), listed.Select(info => info.Title));
        Assert.Equal(saved.Select(info => info.CreatedAt), listed.Select(info => info.CreatedAt));
        Assert.All(listed, info => Assert.Equal(("english", "past tense", "beginner", "test-generator"), (info.Subject, info.Topic, info.Level, info.Generator)));

        var otherLesson = new LessonKey("English", "Past tense", LessonLevel.Advanced);
        Assert.Equal("1.0", (await Lessons.SaveNewVersionAsync(otherLesson, "run-other", SampleLessons.Document("Advanced"), None)).Version);
    }

    [Fact]
    public async Task Latest_and_specific_versions_return_what_was_saved()
    {
        var first = SampleLessons.Document("First");
        var second = SampleLessons.Document("Second", bodyCharacters: 1000);
        var firstSavedAt = Time.GetUtcNow();
        await Lessons.SaveNewVersionAsync(English, "run-a", first, None);
        Time.Advance(TimeSpan.FromHours(2));
        var secondSavedAt = Time.GetUtcNow();
        var secondInfo = await Lessons.SaveNewVersionAsync(English, "run-b", second, None);

        var latest = await Lessons.GetLatestAsync(English, None);
        Assert.NotNull(latest);
        Assert.Equal(("1.1", "run-b", secondSavedAt), (latest.Version, latest.RunId, latest.CreatedAt));
        Assert.Equal(secondInfo.CreatedAt, latest.CreatedAt);
        Assert.Equal(SampleLessons.Json(second), SampleLessons.Json(latest.Document));

        var older = await Lessons.GetVersionAsync(English, "1.0", None);
        Assert.NotNull(older);
        Assert.Equal(("english", "past tense", "beginner", "1.0", "run-a", firstSavedAt), (older.Subject, older.Topic, older.Level, older.Version, older.RunId, older.CreatedAt));
        Assert.Equal(SampleLessons.Json(first), SampleLessons.Json(older.Document));

        foreach (var notAVersion in new[] { "1.2", "1.00", "1.01", "2.0", "1", "1.", "one", "", "1.-1", " 1.0" })
        {
            Assert.Null(await Lessons.GetVersionAsync(English, notAVersion, None));
        }
    }

    [Fact]
    public async Task Unknown_lessons_have_no_versions()
    {
        await Lessons.SaveNewVersionAsync(English, "run-a", SampleLessons.Document("Known"), None);
        var unknown = new LessonKey("History", "Rome", LessonLevel.Expert);

        Assert.Null(await Lessons.GetLatestAsync(unknown, None));
        Assert.Null(await Lessons.GetVersionAsync(unknown, "1.0", None));
        Assert.Empty(await Lessons.ListVersionsAsync(unknown, None));
    }

    [Fact]
    public async Task Keys_differing_only_in_case_and_white_space_are_one_lesson()
    {
        await Lessons.SaveNewVersionAsync(new LessonKey("  ENGLISH ", "Past \t  Tense", LessonLevel.Beginner), "run-a", SampleLessons.Document("A"), None);
        var second = await Lessons.SaveNewVersionAsync(new LessonKey("english", "past tense", LessonLevel.Beginner), "run-b", SampleLessons.Document("B"), None);

        Assert.Equal("1.1", second.Version);
        Assert.Equal(("english", "past tense"), (second.Subject, second.Topic));
        var latest = await Lessons.GetLatestAsync(new LessonKey("English", "Past Tense", LessonLevel.Beginner), None);
        Assert.Equal("B", latest?.Document.Title);
    }

    [Fact]
    public async Task Reserved_and_control_characters_in_subjects_and_topics_work()
    {
        var awkward = new LessonKey("C# / F# \\ ?", "it's \"quoted\" #1 ? \u0001\u001f\u007f bell\u0007 ünï 😀", LessonLevel.Intermediate);
        var sameSlug = new LessonKey("C# / F# \\ !", "it's \"quoted\" #1 ? \u0001\u001f\u007f bell\u0007 ünï 😀", LessonLevel.Intermediate);

        var first = await Lessons.SaveNewVersionAsync(awkward, "run/with\\odd#chars?'\"", SampleLessons.Document("Awkward"), None);
        var other = await Lessons.SaveNewVersionAsync(sameSlug, "run-2", SampleLessons.Document("Same slug"), None);

        Assert.Equal(("1.0", "1.0"), (first.Version, other.Version));
        Assert.Equal((awkward.Subject, awkward.Topic), (first.Subject, first.Topic));
        var latest = await Lessons.GetLatestAsync(awkward, None);
        Assert.Equal(("Awkward", "run/with\\odd#chars?'\""), (latest?.Document.Title, latest?.RunId));
        Assert.Equal((awkward.Subject, awkward.Topic), (latest?.Subject, latest?.Topic));
        Assert.Equal("Same slug", (await Lessons.GetLatestAsync(sameSlug, None))?.Document.Title);
        Assert.Single(await Lessons.ListVersionsAsync(awkward, None));
    }

    [Fact]
    public async Task Saving_again_with_the_same_run_id_returns_the_first_version()
    {
        var original = await Lessons.SaveNewVersionAsync(English, "run-a", SampleLessons.Document("Original"), None);
        await Lessons.SaveNewVersionAsync(English, "run-b", SampleLessons.Document("Next"), None);
        Time.Advance(TimeSpan.FromMinutes(5));

        var retried = await Lessons.SaveNewVersionAsync(English, "run-a", SampleLessons.Document("Retried"), None);

        Assert.Equal(original, retried);
        Assert.Equal(["1.0", "1.1"], (await Lessons.ListVersionsAsync(English, None)).Select(info => info.Version));
        Assert.Equal("Original", (await Lessons.GetVersionAsync(English, "1.0", None))?.Document.Title);
        Assert.Equal("Next", (await Lessons.GetLatestAsync(English, None))?.Document.Title);
    }

    [Fact]
    public async Task Twenty_concurrent_saves_get_twenty_distinct_consecutive_versions()
    {
        var saves = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => Lessons.SaveNewVersionAsync(English, $"run-{i}", SampleLessons.Document($"Title {i}"), None)))
            .ToArray();
        var saved = await Task.WhenAll(saves);

        var expected = Enumerable.Range(0, 20).Select(i => $"1.{i}").ToArray();
        Assert.Equal(expected.Order(), saved.Select(info => info.Version).Order());
        var listed = await Lessons.ListVersionsAsync(English, None);
        Assert.Equal(expected, listed.Select(info => info.Version));
        Assert.Equal(saved.OrderBy(info => info.RunId).Select(info => (info.RunId, info.Version)), listed.OrderBy(info => info.RunId).Select(info => (info.RunId, info.Version)));
        Assert.Equal(listed[^1].Version, (await Lessons.GetLatestAsync(English, None))?.Version);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_run_store_one_version()
    {
        var saves = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => Lessons.SaveNewVersionAsync(English, "run-retried", SampleLessons.Document($"Attempt {i}"), None)))
            .ToArray();
        var saved = await Task.WhenAll(saves);

        Assert.All(saved, info => Assert.Equal(saved[0], info));
        Assert.Equal("1.0", saved[0].Version);
        Assert.Single(await Lessons.ListVersionsAsync(English, None));
    }

    [Fact]
    public async Task Stale_listing_returns_exactly_the_lessons_whose_latest_version_is_older_than_the_cutoff()
    {
        var onlyOld = new LessonKey("Math", "Fractions", LessonLevel.Beginner);
        var renewed = new LessonKey("Math", "Decimals", LessonLevel.Beginner);
        var onlyNew = new LessonKey("Art", "Colour", LessonLevel.Expert);

        var start = Time.GetUtcNow();
        await Lessons.SaveNewVersionAsync(onlyOld, "old-1", SampleLessons.Document("Fractions"), None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Lessons.SaveNewVersionAsync(renewed, "renewed-1", SampleLessons.Document("Decimals v1"), None);
        Time.Advance(TimeSpan.FromDays(10));
        var cutoff = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));
        await Lessons.SaveNewVersionAsync(renewed, "renewed-2", SampleLessons.Document("Decimals v2"), None);
        await Lessons.SaveNewVersionAsync(onlyNew, "new-1", SampleLessons.Document("Colour"), None);

        var stale = await Lessons.ListStaleAsync(cutoff, None);
        var only = Assert.Single(stale);
        Assert.Equal(("math", "fractions", "1.0", "old-1", start), (only.Subject, only.Topic, only.Version, only.RunId, only.CreatedAt));

        var everything = await Lessons.ListStaleAsync(Time.GetUtcNow().AddSeconds(1), None);
        Assert.Equal(
            [("colour", "1.0"), ("decimals", "1.1"), ("fractions", "1.0")],
            everything.Select(info => (info.Topic, info.Version)).Order());
        Assert.Empty(await Lessons.ListStaleAsync(start, None));
    }

    [Fact]
    public async Task Large_lessons_round_trip()
    {
        var large = SampleLessons.Document("Large", bodyCharacters: 300_000);
        Assert.True(SampleLessons.Json(large).Length > 300_000);

        await Lessons.SaveNewVersionAsync(English, "run-small", SampleLessons.Document("Small"), None);
        var saved = await Lessons.SaveNewVersionAsync(English, "run-large", large, None);
        await Lessons.SaveNewVersionAsync(English, "run-after", SampleLessons.Document("After"), None);

        var read = await Lessons.GetVersionAsync(English, saved.Version, None);
        Assert.Equal(SampleLessons.Json(large), SampleLessons.Json(read?.Document));
        Assert.Equal("After", (await Lessons.GetLatestAsync(English, None))?.Document.Title);
    }

    [Fact]
    public async Task Artifacts_are_stored_overwritten_and_read_back()
    {
        var large = SampleLessons.Text(250_000);
        Assert.Null(await Artifacts.GetAsync("run-1/notes/0", None));

        await Artifacts.PutAsync("run-1/notes/0", "first", None);
        Assert.Equal("first", await Artifacts.GetAsync("run-1/notes/0", None));

        await Artifacts.PutAsync("run-1/notes/0", large, None);
        Assert.Equal(large, await Artifacts.GetAsync("run-1/notes/0", None));

        await Artifacts.PutAsync("run-1/notes/0", "short again", None);
        Assert.Equal("short again", await Artifacts.GetAsync("run-1/notes/0", None));

        await Artifacts.PutAsync("run-1/empty", "", None);
        Assert.Equal("", await Artifacts.GetAsync("run-1/empty", None));
        Assert.Null(await Artifacts.GetAsync("run-1/notes", None));
        Assert.Null(await Artifacts.GetAsync("RUN-1/notes/0", None));
    }

    [Fact]
    public async Task Deleting_by_prefix_removes_exactly_the_keys_under_it()
    {
        string[] doomed = ["run-1/notes/0", "run-1/notes/1", "run-1/draft", "run-1/it's #1? \\ \"x\""];
        string[] kept = ["run-10/draft", "run-2/draft", "RUN-1/draft", "run-1", "run-1.draft", "prefix/run-1/draft"];
        foreach (var key in doomed.Concat(kept))
        {
            await Artifacts.PutAsync(key, key == "run-1/notes/1" ? SampleLessons.Text(100_000) : $"content of {key}", None);
        }

        await Artifacts.DeleteByPrefixAsync("run-1/", None);

        foreach (var key in doomed)
        {
            Assert.Null(await Artifacts.GetAsync(key, None));
        }

        foreach (var key in kept)
        {
            Assert.Equal($"content of {key}", await Artifacts.GetAsync(key, None));
        }

        await Artifacts.DeleteByPrefixAsync("run-1/", None);
        await Artifacts.DeleteByPrefixAsync("", None);
        foreach (var key in kept)
        {
            Assert.Null(await Artifacts.GetAsync(key, None));
        }
    }

    [Fact]
    public async Task Artifact_keys_with_reserved_characters_and_very_long_keys_work()
    {
        var awkward = "run/'quoted' \"double\" #hash ?query \\back \u0001\u001f ünï 😀 %20 +&=~_";
        var longA = "run-long/" + new string('a', 700) + "/Apple";
        var longB = "run-long/" + new string('a', 700) + "/Banana";
        var content = SampleLessons.Text(70_000);

        await Artifacts.PutAsync(awkward, content, None);
        await Artifacts.PutAsync(longA, "A", None);
        await Artifacts.PutAsync(longB, "B", None);

        Assert.Equal(content, await Artifacts.GetAsync(awkward, None));
        Assert.Equal("A", await Artifacts.GetAsync(longA, None));
        Assert.Equal("B", await Artifacts.GetAsync(longB, None));

        await Artifacts.DeleteByPrefixAsync(longA[..^3], None);
        Assert.Null(await Artifacts.GetAsync(longA, None));
        Assert.Equal("B", await Artifacts.GetAsync(longB, None));

        await Artifacts.DeleteByPrefixAsync("run/'quoted' \"double\" #hash ?", None);
        Assert.Null(await Artifacts.GetAsync(awkward, None));
    }
}
