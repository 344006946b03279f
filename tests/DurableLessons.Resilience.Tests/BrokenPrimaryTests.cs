using DurableLessons.Resilience.Tests.Fakes;

namespace DurableLessons.Resilience.Tests;

/// <summary>Issue #6 (b): a primary model that stays broken, whatever the way, is replaced by the backup for every step.</summary>
public sealed class BrokenPrimaryTests
{
    private static readonly string[] Steps = ["outline", "sections", "exercises", "quiz", "review"];

    [Theory]
    [InlineData(ModelFault.RateLimited)]
    [InlineData(ModelFault.ServerError)]
    [InlineData(ModelFault.Hang)]
    [InlineData(ModelFault.TruncatedJson)]
    [InlineData(ModelFault.SchemaInvalidJson)]
    public async Task A_permanently_broken_primary_falls_back_to_the_backup_and_the_lesson_records_the_backup(ModelFault fault)
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Primary.BreakWith(fault);

        var status = await lab.WaitAsync(await lab.StartLessonAsync());

        Assert.Equal("Completed", FaultLab.RuntimeStatus(status));
        Assert.Equal(FaultLab.BackupGenerator, status["output"]!["generator"]!.GetValue<string>());
        var lesson = await lab.LessonAsync(status);
        Assert.Equal(FaultLab.BackupGenerator, lesson["document"]!["generator"]!.GetValue<string>());

        foreach (var step in Steps)
        {
            // The primary was always tried first (a rate limit with a short Retry-After twice: once more after waiting).
            var expectedPrimaryTries = fault == ModelFault.RateLimited ? 2 : 1;
            Assert.Equal(expectedPrimaryTries, lab.Primary.RequestsFor(step).Count);
            Assert.Equal([ModelFault.None], lab.Backup.RequestsFor(step).Select(r => r.Answer));
        }
    }
}
