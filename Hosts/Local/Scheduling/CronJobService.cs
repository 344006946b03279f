using NCrontab;

namespace DurableLessons.Hosts.Local.Scheduling;

/// <summary>
/// Runs a job at every occurrence of a six-field NCrontab schedule (seconds first), on the injected clock so tests
/// control time. A failing job is logged and the schedule goes on. Where processes share the engine, one of them runs
/// each occurrence (<see cref="IScheduleTickClaim"/>).
/// </summary>
internal abstract partial class CronJobService(TimeProvider time, IScheduleTickClaim claim, ILogger logger) : BackgroundService
{
    protected abstract string JobName { get; }

    protected abstract string Schedule { get; }

    protected abstract Task RunJobAsync(CancellationToken cancellationToken);

    public static CrontabSchedule? TryParse(string expression) =>
        CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = TryParse(Schedule) ?? throw new InvalidOperationException($"'{Schedule}' is not a six-field cron schedule.");
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now.UtcDateTime);
            var delay = new DateTimeOffset(next, TimeSpan.Zero) - now;
            try
            {
                await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, stoppingToken);
                if (await claim.ClaimAsync(JobName, next, stoppingToken))
                {
                    await RunJobAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogJobFailed(logger, JobName, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {JobName} failed; it runs again at its next time")]
    private static partial void LogJobFailed(ILogger logger, string jobName, Exception error);
}
