using DurableLessons.Resilience.Tests.Fakes;

namespace DurableLessons.Resilience.Tests;

/// <summary>Issue #6 (b): passing faults on the primary model are ridden out by retries and fallback.</summary>
public sealed class TransientModelFaultTests
{
    [Fact]
    public async Task A_run_rides_out_rate_limits_server_errors_and_a_timeout_and_names_the_generator_it_used()
    {
        await using var lab = await FaultLab.StartAsync();
        // One run in CI; RESILIENCE_RUNS=N repeats the same scenario N times on the same host (each run a new version).
        for (var run = 1; run <= ResilienceSettings.Runs; run++)
        {
            lab.Primary.Reset();
            lab.Backup.Reset();
            // outline: rate limited once, retried on the primary after Retry-After.
            lab.Primary.FailNext("outline", ModelFault.RateLimited);
            // sections: a 500 on the primary, so the backup writes them.
            lab.Primary.FailNext("sections", ModelFault.ServerError);
            // exercises: the primary hangs past its timeout, so the backup writes them.
            lab.Primary.FailNext("exercises", ModelFault.Hang);
            // quiz: both providers fail once, so the activity fails and the orchestration's retry asks again.
            lab.Primary.FailNext("quiz", ModelFault.ServerError);
            lab.Backup.FailNext("quiz", ModelFault.ServerError);

            var status = await lab.WaitAsync(await lab.StartLessonAsync());

            Assert.Equal("Completed", FaultLab.RuntimeStatus(status));
            // The primary wrote the outline, quiz and review, the backup the sections and exercises: both are named.
            var bothGenerators = $"{FaultLab.PrimaryGenerator}, {FaultLab.BackupGenerator}";
            Assert.Equal(bothGenerators, status["output"]!["generator"]!.GetValue<string>());
            var lesson = await lab.LessonAsync(status);
            Assert.Equal(bothGenerators, lesson["document"]!["generator"]!.GetValue<string>());

            var outline = lab.Primary.RequestsFor("outline");
            Assert.Equal([ModelFault.RateLimited, ModelFault.None], outline.Select(r => r.Answer));
            Assert.Empty(lab.Backup.RequestsFor("outline"));
            var waited = outline[1].ReceivedAt - outline[0].ReceivedAt;
            Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"Retry-After: 1 was not honoured; the retry came {waited.TotalMilliseconds:0} ms after the 429.");

            Assert.Equal([ModelFault.ServerError], lab.Primary.RequestsFor("sections").Select(r => r.Answer));
            Assert.Equal([ModelFault.None], lab.Backup.RequestsFor("sections").Select(r => r.Answer));

            Assert.Equal([ModelFault.Hang], lab.Primary.RequestsFor("exercises").Select(r => r.Answer));
            Assert.Equal([ModelFault.None], lab.Backup.RequestsFor("exercises").Select(r => r.Answer));

            Assert.Equal([ModelFault.ServerError, ModelFault.None], lab.Primary.RequestsFor("quiz").Select(r => r.Answer));
            Assert.Equal([ModelFault.ServerError], lab.Backup.RequestsFor("quiz").Select(r => r.Answer));

            Assert.Equal([ModelFault.None], lab.Primary.RequestsFor("review").Select(r => r.Answer));
            Assert.Empty(lab.Backup.RequestsFor("review"));
        }
    }
}
