using DurableLessons.Llm.Configuration;
using DurableLessons.Llm.Model;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Research;
using DurableLessons.Shared.Syllabi;
using DurableLessons.Shared.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableLessons.Llm.Syllabi;

/// <summary>Plans a syllabus with one strict-JSON-schema call over the same <see cref="ProviderChain"/> as the lesson steps.</summary>
public sealed class ModelSyllabusAuthor : ISyllabusAuthor
{
    private readonly ProviderChain chain;

    internal ModelSyllabusAuthor(
        IOptions<LlmOptions> options, IAzureCredentialSource credentials, LessonTelemetry telemetry, TimeProvider timeProvider, ILogger<ModelSyllabusAuthor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        chain = ProviderChain.FromOptions(options.Value, credentials, telemetry, timeProvider, logger, nameof(ModelSyllabusAuthor));
    }

    public Task<AuthorResult<SyllabusPlan>> PlanAsync(SyllabusBrief brief, ResearchPack research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(research);
        return chain.RunAsync(
            new ModelStep<SyllabusPlan>("syllabus", SyllabusPrompts.Plan(brief, research), "syllabus_plan", SyllabusPrompts.Schema, reply =>
            {
                var plan = ReplyReader.Read(reply, SyllabusJsonContext.Default.SyllabusPlan);
                SyllabusRules.Check(plan);
                return plan;
            }),
            cancellationToken);
    }
}
