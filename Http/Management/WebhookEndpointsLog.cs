namespace DurableLessons.Http.Management;

/// <summary>Log category of the management webhooks.</summary>
internal sealed class WebhookEndpointsLog;
