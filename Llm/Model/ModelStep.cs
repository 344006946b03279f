using OpenAI.Chat;

namespace DurableLessons.Llm.Model;

/// <summary>
/// One chat-completions call of the chain: its prompt, the schema the reply must follow, and how to read and validate
/// the reply (<see cref="Read"/> throws <c>InvalidModelOutputException</c> for an unusable reply).
/// </summary>
internal sealed record ModelStep<T>(string Name, StepPrompt Prompt, string SchemaName, BinaryData Schema, Func<string, T> Read)
{
    public IReadOnlyList<ChatMessage> Messages { get; } =
        [new SystemChatMessage(Prompt.System), new UserChatMessage(Prompt.User)];

    public ChatCompletionOptions CreateOptions() => new()
    {
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(SchemaName, Schema, jsonSchemaIsStrict: true),
    };
}
