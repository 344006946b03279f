namespace DurableLessons.Hosts.Local.Management;

/// <summary>The body of a successful purge, as Durable's <c>PurgeHistoryResult</c>: <c>{"instancesDeleted": n}</c>.</summary>
public sealed record PurgeHistoryPayload(int InstancesDeleted);
