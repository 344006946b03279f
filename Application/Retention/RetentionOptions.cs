using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Application.Retention;

/// <summary>How long finished runs are kept (section "Retention"). Lessons and syllabi are never purged.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Completed, failed and terminated runs created longer ago than this are purged on schedule.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>When the scheduled purge runs: an NCrontab six-field expression (seconds first), hourly by default.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 * * * *";
}
