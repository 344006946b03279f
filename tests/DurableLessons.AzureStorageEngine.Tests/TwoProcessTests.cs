using DurableLessons.AzureStorageEngine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DurableLessons.AzureStorageEngine.Tests;

/// <summary>
/// Scale-out: two host processes on one task hub serve the same runs. Work started through one is done by both,
/// survives the death of either, and a lesson started from both at once still runs once.
/// </summary>
[Collection(OneAzurite.Name)]
public sealed class TwoProcessTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);

    private static readonly (string Subject, string Topic, string Level)[] Lessons =
    [
        ("math", "fractions", "beginner"), ("math", "percentages", "beginner"), ("math", "linear equations", "beginner"),
        ("science", "photosynthesis", "beginner"), ("science", "water cycle", "beginner"), ("english", "adjectives", "beginner"),
        ("english", "countable nouns", "beginner"), ("english", "irregular verbs", "beginner"), ("english", "modal verbs", "beginner"),
        ("english", "phrasal verbs", "beginner"), ("programming", "git basics", "beginner"), ("programming", "sql joins", "beginner"),
        ("programming", "async await", "beginner"), ("english", "verb tenses", "beginner"), ("math", "fractions", "intermediate"),
        ("math", "percentages", "intermediate"), ("science", "photosynthesis", "intermediate"), ("science", "water cycle", "intermediate"),
        ("programming", "git basics", "intermediate"), ("english", "adjectives", "intermediate"),
    ];

    [Fact]
    public async Task Twenty_lessons_started_through_one_process_all_complete_with_work_done_by_both()
    {
        await using var pair = await TaskHubPair.StartAsync(azurite);

        var ids = new List<string>();
        foreach (var lesson in Lessons)
        {
            ids.Add(await TaskHubPair.PostLessonAsync(pair.ClientA, lesson));
        }

        var api = new Webhooks(pair.ClientA);
        foreach (var id in ids)
        {
            await api.WaitForAsync(id, "Completed", Patience);
        }

        var (byA, byB) = (TaskHubPair.ActivitiesRunBy(pair.A), TaskHubPair.ActivitiesRunBy(pair.B));
        output.WriteLine($"Activities run: {byA} by A (pid {pair.A.ProcessId}), {byB} by B (pid {pair.B.ProcessId})");
        Assert.True(byA > 0 && byB > 0, $"Both processes must do work: A ran {byA} activities, B ran {byB}.");
        foreach (var lesson in Lessons)
        {
            Assert.Equal(["1.0"], await TaskHubPair.VersionsAsync(pair.ClientB, lesson));
        }
    }

    [Fact]
    public async Task After_SIGKILL_of_the_process_that_started_them_every_run_completes_through_the_other_with_one_version()
    {
        await using var pair = await TaskHubPair.StartAsync(azurite);
        var ids = new List<string>();
        foreach (var lesson in Lessons)
        {
            ids.Add(await TaskHubPair.PostLessonAsync(pair.ClientA, lesson));
        }

        var apiB = new Webhooks(pair.ClientB);
        await WaitUntilAsync(() => TaskHubPair.ActivitiesRunBy(pair.A) > 0, "A has run an activity");
        await pair.A.KillAsync();
        var unfinished = 0;
        foreach (var id in ids)
        {
            unfinished += (await apiB.StatusAsync(id)).Status == HttpStatusCode.Accepted ? 1 : 0;
        }

        output.WriteLine($"A killed after {TaskHubPair.ActivitiesRunBy(pair.A)} activities; {unfinished} of {ids.Count} runs unfinished then");
        Assert.True(unfinished > 0, "The kill came after every run had finished: it interrupted nothing.");
        foreach (var id in ids)
        {
            await apiB.WaitForAsync(id, "Completed", Patience);
        }

        foreach (var lesson in Lessons)
        {
            Assert.Equal(["1.0"], await TaskHubPair.VersionsAsync(pair.ClientB, lesson));
        }
    }

    [Fact]
    public async Task Fifty_concurrent_starts_of_one_lesson_spread_over_both_processes_start_exactly_one_run()
    {
        await using var pair = await TaskHubPair.StartAsync(azurite);
        var lesson = Lessons[0];

        using var gate = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 50).Select(async i =>
        {
            await gate.WaitAsync();
            return await TaskHubPair.PostLessonAsync(i % 2 == 0 ? pair.ClientA : pair.ClientB, lesson);
        }).ToList();
        gate.Release(50);
        var ids = await Task.WhenAll(posts);

        Assert.Single(ids.Distinct());
        await new Webhooks(pair.ClientA).WaitForAsync(ids[0], "Completed", Patience);
        Assert.Equal(1, TaskHubPair.RunsStartedBy(pair.A) + TaskHubPair.RunsStartedBy(pair.B));
        Assert.Equal(["1.0"], await TaskHubPair.VersionsAsync(pair.ClientA, lesson));
        Assert.Equal(FakeLessonSteps, pair.Model.TotalCalls);
    }

    /// <summary>One run asks the model once per step.</summary>
    private static int FakeLessonSteps => DurableLessons.Testing.Models.FakeLessonModel.Steps.Count;

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
