using System.ComponentModel.DataAnnotations;

namespace DurableLessons.Hosts.Local.Management;

/// <summary>Limits of the management webhooks, bound from the <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Largest start input or event payload accepted; bigger bodies get 413. Large artifacts belong in storage.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
