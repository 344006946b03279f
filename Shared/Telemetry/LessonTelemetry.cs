using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DurableLessons.Shared.Telemetry;

/// <summary>
/// The product's spans (source <see cref="SourceName"/>: model calls with OpenTelemetry's <c>gen_ai.*</c> attributes,
/// store calls) and instruments (meter <see cref="MeterName"/>), created through the host's
/// <see cref="IMeterFactory"/>. The durable spans (orchestration, activity) come from the engine that runs them.
/// </summary>
public sealed class LessonTelemetry : IDisposable
{
    public const string SourceName = "DurableLessons";
    public const string MeterName = "DurableLessons";

    private readonly ActivitySource _source = new(SourceName);
    private readonly Counter<long> _runsStarted;
    private readonly Counter<long> _lessonsSaved;
    private readonly Counter<long> _practiceTurns;
    private readonly Histogram<double> _stepDuration;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;

    public LessonTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _runsStarted = meter.CreateCounter<long>("durable_lessons.runs.started", "{run}", "Runs started, by orchestration (a request that joined an active run is not counted).");
        _lessonsSaved = meter.CreateCounter<long>("durable_lessons.lessons.saved", "{version}", "Lesson versions saved, by grounding.");
        _practiceTurns = meter.CreateCounter<long>("durable_lessons.practice.turns", "{turn}", "Practice turns handled, by kind (answer, question) and outcome.");
        _stepDuration = meter.CreateHistogram<double>("durable_lessons.step.duration", "s", "Time one writing, grading or answering step took, by step and outcome.");
        _tokens = meter.CreateCounter<long>("gen_ai.client.token.usage.total", "{token}", "Tokens sent to and received from each model, by type (input, output).");
        _cost = meter.CreateCounter<double>("durable_lessons.model.cost", "USD", "Estimated model cost, for providers with prices configured.");
    }

    /// <summary>A span in the current trace (an activity's span, a request's span); null when nobody listens.</summary>
    public Activity? StartSpan(string name, ActivityKind kind = ActivityKind.Internal) => _source.StartActivity(name, kind);

    /// <summary>
    /// Starts a chat-completions span named as OpenTelemetry's GenAI conventions ask (<c>chat {model}</c>);
    /// <see cref="ModelCallEnded"/> completes it.
    /// </summary>
    public Activity? ModelCallStarted(string system, string provider, string model, string step)
    {
        var span = _source.StartActivity($"chat {model}", ActivityKind.Client);
        span?.SetTag("gen_ai.operation.name", "chat");
        span?.SetTag("gen_ai.system", system);
        span?.SetTag("gen_ai.request.model", model);
        span?.SetTag("durable_lessons.provider", provider);
        span?.SetTag("durable_lessons.step", step);
        return span;
    }

    /// <summary>A call that got no completion: nothing was used, the span says why.</summary>
    public static void ModelCallFailed(Activity? span, string error) => span?.SetStatus(ActivityStatusCode.Error, error);

    public void ModelCallEnded(Activity? span, ModelCallUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var model = new KeyValuePair<string, object?>("gen_ai.request.model", usage.Model);
        var provider = new KeyValuePair<string, object?>("durable_lessons.provider", usage.Provider);
        _tokens.Add(usage.InputTokens, model, provider, new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
        _tokens.Add(usage.OutputTokens, model, provider, new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
        if (usage.EstimatedCost is { } cost)
        {
            _cost.Add(cost, model, provider);
        }

        if (span is null)
        {
            return;
        }

        span.SetTag("gen_ai.usage.input_tokens", usage.InputTokens);
        span.SetTag("gen_ai.usage.output_tokens", usage.OutputTokens);
        if (usage.EstimatedCost is { } spanCost)
        {
            span.SetTag("durable_lessons.estimated_cost_usd", spanCost);
        }
    }

    public void RunStarted(string orchestration) => _runsStarted.Add(1, new KeyValuePair<string, object?>("orchestration", orchestration));

    public void LessonSaved(string grounding) => _lessonsSaved.Add(1, new KeyValuePair<string, object?>("grounding", grounding));

    public void PracticeTurn(string kind, string outcome) =>
        _practiceTurns.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void StepEnded(string step, TimeSpan duration, bool succeeded) =>
        _stepDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("step", step),
            new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void Dispose() => _source.Dispose();
}

/// <summary>What one model call used; <see cref="EstimatedCost"/> is null when the provider has no prices configured.</summary>
public sealed record ModelCallUsage(string Provider, string Model, long InputTokens, long OutputTokens, double? EstimatedCost);
