namespace DurableLessons.Research.Sources.StackExchange;

/// <summary>
/// The common wrapper of Stack Exchange API 2.3 responses: <c>{"items":[...],"has_more","quota_max","quota_remaining"}</c>,
/// or <c>{"error_id","error_name","error_message"}</c> on failure.
/// </summary>
internal sealed record StackExchangeResponse(
    IReadOnlyList<StackExchangeQuestion>? Items,
    bool HasMore,
    int? QuotaRemaining,
    int? Backoff,
    int? ErrorId,
    string? ErrorName,
    string? ErrorMessage);

/// <summary>A question with <c>filter=withbody</c>: <see cref="Title"/> is HTML-escaped text, <see cref="Body"/> is HTML.</summary>
internal sealed record StackExchangeQuestion(
    long QuestionId,
    string? Title,
    string? Link,
    string? Body,
    int Score,
    bool IsAnswered,
    IReadOnlyList<string>? Tags);
