namespace DurableLessons.HostileInput.Tests.Infrastructure;

/// <summary>What the host answered, read the same way for HttpClient and raw-socket requests.</summary>
public sealed record CaseResponse(int Status, string? MediaType, string Body)
{
    public override string ToString() => $"{Status} {MediaType ?? "(no content type)"}: {(Body.Length > 600 ? Body[..600] + "…" : Body)}";
}
