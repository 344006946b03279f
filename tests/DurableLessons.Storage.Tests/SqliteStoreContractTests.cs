using DurableLessons.Shared.Lessons;
using DurableLessons.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DurableLessons.Storage.Tests;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"lessons-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataDirectory"] = dataDirectory,
    };

    [Fact]
    public async Task Lessons_and_artifacts_persist_in_lessons_db_under_the_data_directory()
    {
        var key = new LessonKey("Chemistry", "Bonds", LessonLevel.Advanced);
        await Lessons.SaveNewVersionAsync(key, "run-a", SampleLessons.Document("Bonds"), None);
        await Artifacts.PutAsync("run-a/draft", "draft", None);

        Assert.True(File.Exists(Path.Combine(dataDirectory, "lessons.db")));
        await using var restarted = BuildServices(Settings, Time);
        var lessons = restarted.GetRequiredService<Shared.Storage.ILessonStore>();
        Assert.Equal("Bonds", (await lessons.GetLatestAsync(key, None))?.Document.Title);
        Assert.Equal("1.1", (await lessons.SaveNewVersionAsync(key, "run-b", SampleLessons.Document("Bonds 2"), None)).Version);
        Assert.Equal("draft", await restarted.GetRequiredService<Shared.Storage.IArtifactStore>().GetAsync("run-a/draft", None));
    }

    [Fact]
    public async Task A_run_id_cannot_save_two_different_lessons()
    {
        await Lessons.SaveNewVersionAsync(new LessonKey("A", "B", LessonLevel.Beginner), "run-a", SampleLessons.Document("AB"), None);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Lessons.SaveNewVersionAsync(new LessonKey("C", "D", LessonLevel.Beginner), "run-a", SampleLessons.Document("CD"), None));
        Assert.Empty(await Lessons.ListVersionsAsync(new LessonKey("C", "D", LessonLevel.Beginner), None));
    }

    protected override Task CleanUpAsync()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp files are left for the OS to reclaim.
        }

        return Task.CompletedTask;
    }
}
