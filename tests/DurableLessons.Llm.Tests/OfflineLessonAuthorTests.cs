using System.Text.Json;
using DurableLessons.Llm.Offline;
using DurableLessons.Llm.Validation;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using static DurableLessons.Llm.Tests.LessonSamples;

namespace DurableLessons.Llm.Tests;

public sealed class OfflineLessonAuthorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task No_configured_provider_gives_the_offline_author()
    {
        var (author, _, _) = AuthorFactory.Create(new Dictionary<string, string?>());

        Assert.IsType<OfflineLessonAuthor>(author);
        Assert.Equal("offline", (await author.OutlineAsync(Brief(), Research(), CancellationToken.None)).Generator);
    }

    [Theory]
    [InlineData("beginner")]
    [InlineData("expert")]
    public async Task Same_input_gives_byte_identical_lessons(string level)
    {
        var first = await WriteLessonAsync(Brief(level), Research());
        var second = await WriteLessonAsync(Brief(level), Research());

        Assert.Equal(JsonSerializer.Serialize(first, Json), JsonSerializer.Serialize(second, Json));
    }

    [Fact]
    public async Task Every_step_reports_the_offline_generator_and_no_usage()
    {
        var author = new OfflineLessonAuthor();
        var research = Research();
        var outline = await author.OutlineAsync(Brief(), research, CancellationToken.None);
        var sections = await author.WriteSectionsAsync(Brief(), outline.Value, research, CancellationToken.None);
        var exercises = await author.WriteExercisesAsync(Brief(), outline.Value, sections.Value, CancellationToken.None);
        var quiz = await author.WriteQuizAsync(Brief(), outline.Value, sections.Value, CancellationToken.None);
        var review = await author.ReviewAsync(Brief(), new LessonDraft(outline.Value, sections.Value, exercises.Value, quiz.Value), research, CancellationToken.None);

        foreach (var (generator, usage) in new[] { (outline.Generator, outline.Usage), (sections.Generator, sections.Usage), (exercises.Generator, exercises.Usage), (quiz.Generator, quiz.Usage), (review.Generator, review.Usage) })
        {
            Assert.Equal("offline", generator);
            Assert.Equal(ModelUsage.None, usage);
        }
    }

    [Fact]
    public async Task Lesson_says_it_was_generated_offline()
    {
        var lesson = await WriteLessonAsync(Brief(), Research());

        Assert.Contains("generated offline", lesson.Review.Draft.Outline.Summary, StringComparison.Ordinal);
        Assert.Contains(lesson.Review.Notes, n => n.StartsWith("Generated offline", StringComparison.Ordinal));
        Assert.Equal("Verbs: a beginner lesson in English", lesson.Review.Draft.Outline.Title);
    }

    [Fact]
    public async Task Every_section_quotes_the_notes_it_cites_and_cites_only_existing_notes()
    {
        var research = Research();
        var lesson = await WriteLessonAsync(Brief("advanced"), research);
        var notes = research.Notes.ToDictionary(n => n.Id);

        Assert.Equal(5, lesson.Sections.Count);
        foreach (var section in lesson.Sections)
        {
            Assert.NotEmpty(section.CitationIds);
            foreach (var id in section.CitationIds)
            {
                Assert.True(notes.ContainsKey(id), $"section “{section.Heading}” cites missing note {id}");
                Assert.Contains($"[{id}]", section.Body, StringComparison.Ordinal);
                var opening = notes[id].Text.Split('.')[0];
                Assert.Contains(opening, section.Body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Strongest_notes_become_the_sections_and_the_level_sets_how_many()
    {
        var research = Research();
        var beginner = await WriteLessonAsync(Brief("beginner"), research);
        var advanced = await WriteLessonAsync(Brief("advanced"), research);

        Assert.Equal(["Irregular verbs: Past simple", "Irregular verbs: Past participle", "Modal verbs"], beginner.Outline.Sections.Select(s => s.Heading));
        Assert.Equal(5, advanced.Outline.Sections.Count);
        Assert.Equal(beginner.Outline.Sections.Count + 1, beginner.Outline.Objectives.Count);
    }

    [Fact]
    public async Task Offline_lesson_passes_the_same_checks_as_a_model_reply()
    {
        var research = Research();
        var lesson = await WriteLessonAsync(Brief("intermediate"), research);
        var noteIds = research.Notes.Select(n => n.Id).ToHashSet();

        LessonRules.CheckOutline(lesson.Outline);
        LessonRules.CheckSections(lesson.Sections, lesson.Outline, noteIds);
        LessonRules.CheckExercises(lesson.Exercises);
        LessonRules.CheckQuiz(lesson.Quiz);
        LessonRules.CheckReview(lesson.Review, new LessonDraft(lesson.Outline, lesson.Sections, lesson.Exercises, lesson.Quiz), noteIds);
    }

    [Fact]
    public async Task Gap_exercises_blank_a_term_from_the_lesson_and_give_it_as_the_answer()
    {
        var lesson = await WriteLessonAsync(Brief(), Research());
        var gaps = lesson.Exercises.Where(e => e.Prompt.StartsWith("Fill in the gap", StringComparison.Ordinal)).ToArray();

        Assert.Equal(lesson.Sections.Count, gaps.Length);
        Assert.Contains(gaps, e => e.Prompt.EndsWith("walk becomes _____.", StringComparison.Ordinal) && e.Answer.StartsWith("walked.", StringComparison.Ordinal));
        var body = string.Join("\n", lesson.Sections.Select(s => LessonText.Plain(s.Body)));
        foreach (var gap in gaps)
        {
            var answer = gap.Answer[..gap.Answer.IndexOf('.', StringComparison.Ordinal)];
            var filled = gap.Prompt[(gap.Prompt.IndexOf("): ", StringComparison.Ordinal) + 3)..].Replace("_____", answer, StringComparison.Ordinal);
            Assert.Contains(filled, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Quiz_answers_come_from_the_lesson_and_distractors_from_elsewhere_in_it()
    {
        var lesson = await WriteLessonAsync(Brief(), Research());
        var gapQuestions = lesson.Quiz.Where(q => q.Question.Contains("_____", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(gapQuestions);
        var pastSimple = Assert.Single(gapQuestions, q => q.Question.Contains("The past simple of go is _____", StringComparison.Ordinal));
        Assert.Equal("went", pastSimple.Choices[pastSimple.AnswerIndex]);
        var body = string.Join("\n", lesson.Sections.Select(s => LessonText.Plain(s.Body)));
        foreach (var question in gapQuestions)
        {
            var sentence = question.Question[(question.Question.IndexOf("? ", StringComparison.Ordinal) + 2)..];
            Assert.Contains(sentence.Replace("_____", question.Choices[question.AnswerIndex], StringComparison.Ordinal), body, StringComparison.Ordinal);
            foreach (var wrong in question.Choices.Where((_, i) => i != question.AnswerIndex))
            {
                Assert.Contains(wrong, body, StringComparison.OrdinalIgnoreCase);
                Assert.NotEqual(sentence.Replace("_____", wrong, StringComparison.Ordinal), sentence.Replace("_____", question.Choices[question.AnswerIndex], StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Review_drops_uncited_passages_and_citations_of_missing_notes_and_says_so()
    {
        var draft = Draft with
        {
            Sections =
            [
                new("Irregular past forms", "The past simple of *go* is **went** [1].\n\nEvery verb in English is irregular.\n\nIts participle is **gone** [2] [9].", [1, 2, 9]),
                new("Invented facts", "Modal verbs were invented in 1850.", []),
                Sections[1],
            ],
        };

        var review = (await new OfflineLessonAuthor().ReviewAsync(Brief(), draft, Research(), CancellationToken.None)).Value;

        Assert.Equal(["Irregular past forms", "Modal verbs"], review.Draft.Sections.Select(s => s.Heading));
        var first = review.Draft.Sections[0];
        Assert.Equal("The past simple of *go* is **went** [1].\n\nIts participle is **gone** [2].", first.Body);
        Assert.Equal([1, 2], first.CitationIds);
        Assert.Contains(review.Notes, n => n.Contains("uncited passage", StringComparison.Ordinal) && n.Contains("Every verb in English is irregular", StringComparison.Ordinal));
        Assert.Contains(review.Notes, n => n.Contains("[9]", StringComparison.Ordinal));
        Assert.Contains(review.Notes, n => n.Contains("Removed the section “Invented facts”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_keeps_code_with_the_cited_explanation_it_belongs_to()
    {
        var section = new LessonSection("Async", "Await suspends the method until the task completes [1].\n\n```csharp\nvar page = await client.GetStringAsync(url);\n```", [1]);
        var draft = Draft with { Sections = [section] };

        var review = (await new OfflineLessonAuthor().ReviewAsync(Brief(), draft, Research(), CancellationToken.None)).Value;

        Assert.Equal(section.Body, Assert.Single(review.Draft.Sections).Body);
    }

    [Fact]
    public async Task Without_notes_it_refuses_to_write_and_names_the_setting_that_would()
    {
        var empty = new ResearchPack([], [new SourceOutcome("local", [], "corpus folder not found", 1)], 0);

        var refusal = await Assert.ThrowsAsync<NoNotesToWriteFromException>(() => WriteLessonAsync(Brief(), empty));

        Assert.Contains("Llm:Providers", refusal.Message, StringComparison.Ordinal);
    }

    private static async Task<OfflineLesson> WriteLessonAsync(LessonBrief brief, ResearchPack research)
    {
        var author = new OfflineLessonAuthor();
        var outline = (await author.OutlineAsync(brief, research, CancellationToken.None)).Value;
        var sections = (await author.WriteSectionsAsync(brief, outline, research, CancellationToken.None)).Value;
        var exercises = (await author.WriteExercisesAsync(brief, outline, sections, CancellationToken.None)).Value;
        var quiz = (await author.WriteQuizAsync(brief, outline, sections, CancellationToken.None)).Value;
        var review = (await author.ReviewAsync(brief, new LessonDraft(outline, sections, exercises, quiz), research, CancellationToken.None)).Value;
        return new OfflineLesson(outline, sections, exercises, quiz, review);
    }

    private sealed record OfflineLesson(
        LessonOutline Outline, IReadOnlyList<LessonSection> Sections, IReadOnlyList<Exercise> Exercises, IReadOnlyList<QuizQuestion> Quiz, ReviewResult Review);
}
