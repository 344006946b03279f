using System.ClientModel;
using System.Globalization;
using System.Text;
using DurableLessons.Llm.Configuration;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Telemetry;
using DurableLessons.Shared.Text;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace DurableLessons.Llm.Model;

/// <summary>
/// Runs one step against the providers in order: the first valid reply wins. A provider that answers 429 with a short
/// Retry-After is asked once more; a 429 otherwise, a 5xx or other HTTP error, a content-filter refusal, a timeout, a
/// network error or an unusable reply moves on to the next provider. Usage counts every reply received, valid or not.
/// When every provider's content filter refused the prompt, <see cref="ContentFilteredException"/> says so instead of
/// <see cref="AllProvidersFailedException"/>: the same prompt would be refused again.
/// </summary>
internal sealed class ProviderChain(
    IReadOnlyList<ChatProvider> providers, TimeSpan maxRetryAfter, LessonTelemetry telemetry, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>How much of a model's refusal the error quotes.</summary>
    private const int MaxRefusalLength = 200;

    public IReadOnlyList<ChatProvider> Providers => providers;

    /// <summary>The chain over every configured provider, for <paramref name="owner"/>; at least one must be configured.</summary>
    public static ProviderChain FromOptions(
        LlmOptions settings, IAzureCredentialSource credentials, LessonTelemetry telemetry, TimeProvider timeProvider, ILogger logger, string owner)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = settings.ConfiguredProviders;
        if (configured.Count == 0)
        {
            throw new InvalidOperationException($"{owner} needs at least one provider under {LlmOptions.SectionName}:Providers.");
        }

        return new ProviderChain(configured.Select(p => ChatProvider.Create(p, credentials)).ToArray(), TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds), telemetry, timeProvider, logger);
    }

    public async Task<AuthorResult<T>> RunAsync<T>(ModelStep<T> step, CancellationToken cancellationToken)
    {
        var usage = ModelUsage.None;
        var failures = new List<string>(providers.Count);
        var everyFailureFiltered = true;
        Exception? lastError = null;
        for (var index = 0; index < providers.Count; index++)
        {
            var provider = providers[index];
            var attempt = await AttemptAsync(provider, step, cancellationToken);
            usage += attempt.Usage;
            if (attempt.Error is null)
            {
                logger.LogDebug("LLM provider {Provider} completed the {Step} step", provider.Name, step.Name);
                return new AuthorResult<T>(attempt.Value!, usage, provider.Generator);
            }

            // Reasons often quote an exception message ending in '.'; the joined message adds its own punctuation.
            var reason = provider.Redact(attempt.Reason).TrimEnd('.');
            failures.Add($"{provider.Name}: {reason}");
            everyFailureFiltered &= attempt.ContentFiltered;
            lastError = attempt.Error;
            if (index + 1 < providers.Count)
            {
                logger.LogWarning("LLM provider {Provider} failed the {Step} step ({Reason}); trying provider {NextProvider}",
                    provider.Name, step.Name, reason, providers[index + 1].Name);
            }
            else
            {
                logger.LogWarning("LLM provider {Provider} failed the {Step} step ({Reason}); no provider left to try",
                    provider.Name, step.Name, reason);
            }
        }

        if (everyFailureFiltered)
        {
            throw new ContentFilteredException(
                $"Every LLM provider refused the {step.Name} step's prompt: {string.Join("; ", failures)}.", lastError);
        }

        throw new AllProvidersFailedException(
            $"Every LLM provider failed the {step.Name} step: {string.Join("; ", failures)}.", lastError);
    }

    private async Task<Attempt<T>> AttemptAsync<T>(ChatProvider provider, ModelStep<T> step, CancellationToken cancellationToken)
    {
        var usage = ModelUsage.None;
        var waitedForRateLimit = false;
        while (true)
        {
            try
            {
                var completion = await CompleteAsync(provider, step, cancellationToken);
                usage += new ModelUsage(1, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0);
                return new Attempt<T>(step.Read(TextOf(completion)), usage, null, string.Empty);
            }
            catch (ClientResultException exception) when (exception.Status == 429 && !waitedForRateLimit && ShortRetryAfter(exception) is { } wait)
            {
                logger.LogInformation("LLM provider {Provider} is rate limited; retrying the {Step} step in {DelayMs} ms as Retry-After asks",
                    provider.Name, step.Name, (int)wait.TotalMilliseconds);
                waitedForRateLimit = true;
                await Task.Delay(wait, timeProvider, cancellationToken);
            }
            catch (ClientResultException exception) when (ContentFilter.CategoriesOf(exception.GetRawResponse()) is { } categories)
            {
                var named = categories.Count == 0 ? "no category named" : string.Join(", ", categories);
                return new Attempt<T>(default, usage, exception, $"HTTP 400, the prompt was refused by the content filter ({named})", ContentFiltered: true);
            }
            catch (ClientResultException exception)
            {
                return new Attempt<T>(default, usage, exception, Describe(exception, waitedForRateLimit));
            }
            catch (InvalidModelOutputException exception)
            {
                return new Attempt<T>(default, usage, exception, $"invalid output: {exception.Message}");
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                return new Attempt<T>(default, usage, exception, $"timed out after {provider.Timeout.TotalSeconds:0.#} s");
            }
            catch (System.Text.Json.JsonException exception)
            {
                // A 2xx whose body is not a chat completion (a proxy's HTML page, a cut-off body).
                return new Attempt<T>(default, usage, exception, $"unreadable response: {exception.Message}");
            }
            catch (Exception exception) when (exception is TimeoutException or HttpRequestException or IOException)
            {
                return new Attempt<T>(default, usage, exception, $"network error: {exception.Message}");
            }
        }
    }

    private async Task<ChatCompletion> CompleteAsync<T>(ChatProvider provider, ModelStep<T> step, CancellationToken cancellationToken)
    {
        using var span = telemetry.ModelCallStarted(provider.System, provider.Name, provider.Model, step.Name);
        try
        {
            // The client's NetworkTimeout bounds each request; this also bounds reading the body, whatever the transport does.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(provider.Timeout);
            ClientResult<ChatCompletion> result = await provider.Client.CompleteChatAsync(step.Messages, step.CreateOptions(), timeout.Token);
            var completion = result.Value;
            telemetry.ModelCallEnded(span, Usage(provider, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0));
            return completion;
        }
        catch (Exception exception)
        {
            LessonTelemetry.ModelCallFailed(span, provider.Redact(exception.Message));
            throw;
        }
    }

    private static ModelCallUsage Usage(ChatProvider provider, long input, long output)
    {
        double? cost = provider.InputCostPerMillionTokens is null && provider.OutputCostPerMillionTokens is null
            ? null
            : ((input * (provider.InputCostPerMillionTokens ?? 0)) + (output * (provider.OutputCostPerMillionTokens ?? 0))) / 1_000_000;
        return new ModelCallUsage(provider.Name, provider.Model, input, output, cost);
    }

    private static string TextOf(ChatCompletion completion)
    {
        string? refusal;
        ChatFinishReason finishReason;
        ChatMessageContent content;
        try
        {
            // The client reads these from the first choice and throws when a server sent none or an unknown finish reason.
            refusal = completion.Refusal;
            finishReason = completion.FinishReason;
            content = completion.Content;
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new InvalidModelOutputException("the reply has no usable choice", exception);
        }

        if (!string.IsNullOrEmpty(refusal))
        {
            throw new InvalidModelOutputException($"the model refused: {TextShortener.Shorten(refusal, MaxRefusalLength)}");
        }

        if (finishReason == ChatFinishReason.Length)
        {
            throw new InvalidModelOutputException("the reply was cut off at the token limit");
        }

        if (finishReason == ChatFinishReason.ContentFilter)
        {
            throw new InvalidModelOutputException("the reply was blocked by a content filter");
        }

        var text = new StringBuilder();
        foreach (var part in content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString();
    }

    private TimeSpan? ShortRetryAfter(ClientResultException exception)
    {
        var wait = RetryAfter.From(exception.GetRawResponse(), timeProvider.GetUtcNow());
        return wait is { } delay && delay <= maxRetryAfter ? delay : null;
    }

    private string Describe(ClientResultException exception, bool waitedForRateLimit)
    {
        if (exception.Status == 0)
        {
            return $"network error: {exception.InnerException?.Message ?? exception.Message}";
        }

        var response = exception.GetRawResponse();
        var status = $"HTTP {exception.Status.ToString(CultureInfo.InvariantCulture)}";
        if (exception.Status != 429)
        {
            return string.IsNullOrEmpty(response?.ReasonPhrase) ? status : $"{status} ({response.ReasonPhrase})";
        }

        if (waitedForRateLimit)
        {
            return $"{status} (rate limited again after waiting once)";
        }

        return RetryAfter.From(response, timeProvider.GetUtcNow()) is { } wait
            ? $"{status} (rate limited; Retry-After {wait.TotalSeconds:0.###} s exceeds the {maxRetryAfter.TotalSeconds:0.###} s cap)"
            : $"{status} (rate limited, no Retry-After)";
    }

    private sealed record Attempt<TValue>(TValue? Value, ModelUsage Usage, Exception? Error, string Reason, bool ContentFiltered = false);
}
