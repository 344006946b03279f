namespace DurableLessons.Resilience.Tests.Fakes;

/// <summary>One request the fake model server received: the lesson step it was for, when, and how it was answered.</summary>
public sealed record ModelRequest(string Step, DateTimeOffset ReceivedAt, ModelFault Answer);
