using DurableLessons.Application.Regeneration;
using DurableLessons.Application.Retention;
using Microsoft.Extensions.Options;

namespace DurableLessons.Hosts.Local.Scheduling;

/// <summary>Fails start-up when a schedule is not a six-field NCrontab expression.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<RetentionOptions>, IValidateOptions<RegenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        Check($"{RetentionOptions.SectionName}:Schedule", options.Schedule);

    public ValidateOptionsResult Validate(string? name, RegenerationOptions options) =>
        Check($"{RegenerationOptions.SectionName}:Schedule", options.Schedule);

    private static ValidateOptionsResult Check(string setting, string? schedule) =>
        schedule is not null && CronJobService.TryParse(schedule) is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{setting} must be a six-field cron expression (seconds first), e.g. '0 0 3 * * *'; got '{schedule}'.");
}
