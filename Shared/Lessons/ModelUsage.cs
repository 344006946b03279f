namespace DurableLessons.Shared.Lessons;

/// <summary>Model calls and tokens spent; offline generation spends none.</summary>
public sealed record ModelUsage(int Calls, int PromptTokens, int CompletionTokens)
{
    public static ModelUsage None { get; } = new(0, 0, 0);

    public int TotalTokens => PromptTokens + CompletionTokens;

    public static ModelUsage operator +(ModelUsage left, ModelUsage right) => Add(left, right);

    public static ModelUsage Add(ModelUsage left, ModelUsage right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Calls + right.Calls, left.PromptTokens + right.PromptTokens, left.CompletionTokens + right.CompletionTokens);
    }
}
