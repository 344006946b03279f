using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Application.Regeneration;

/// <summary>Scheduled regeneration of stale lessons (section "Regeneration").</summary>
public sealed class RegenerationOptions
{
    public const string SectionName = "Regeneration";

    /// <summary>A lesson whose latest version is older than this is regenerated.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>When regeneration runs: an NCrontab six-field expression (seconds first); daily at 03:00 UTC by default.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 3 * * *";

    /// <summary>How many lessons are regenerated at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;
}
