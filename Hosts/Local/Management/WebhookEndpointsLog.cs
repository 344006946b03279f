namespace DurableLessons.Hosts.Local.Management;

/// <summary>Log category of the management webhooks.</summary>
internal sealed class WebhookEndpointsLog;
