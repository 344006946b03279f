namespace DurableLessons.Http.Links;

/// <summary>Where the Durable management webhooks live, in Azure Functions and in the embedded host alike.</summary>
public static class WebhookPaths
{
    public const string Base = "/runtime/webhooks/durabletask";
}
