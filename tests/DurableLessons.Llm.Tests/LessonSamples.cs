using System.Text.Json;
using DurableLessons.Shared.Authoring;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Research;
using DurableLessons.Testing.Models;

namespace DurableLessons.Llm.Tests;

/// <summary>Research notes in the shape the local corpus produces, and valid step values for the fake server to return.</summary>
public static class LessonSamples
{
    public static LessonBrief Brief(string level = "beginner") => new("english", "verbs", level, "English");

    public static ResearchPack Research(params ResearchNote[] extra) => new([.. Notes, .. extra], [], 900);

    public static readonly ResearchNote[] Notes =
    [
        new("Irregular verbs", "corpus://english/verbs-irregular.md#past-simple", "local",
            "Most English verbs form the past simple by adding -ed: *walk* becomes **walked**. Irregular verbs do not follow this rule. The past simple of *go* is **went**, and the past simple of *see* is **saw**. Learners usually memorise the most common irregular verbs first.",
            3.1, 1),
        new("Irregular verbs", "corpus://english/verbs-irregular.md#past-participle", "local",
            "The past participle is used in perfect tenses and in the passive. For regular verbs it looks like the past simple, but many irregular verbs have a separate form: *go*, *went*, **gone**; *see*, *saw*, **seen**.\n\nThe present perfect combines *have* with the past participle, as in \"I have seen that film\".",
            2.7, 2),
        new("Modal verbs", "corpus://english/verbs-modal.md#overview", "local",
            "Modal verbs such as **can**, **must** and **should** express ability, obligation and advice. A modal verb is followed by the base form of another verb without *to*: \"She can swim\", not \"She can to swim\". Modal verbs never take an -s in the third person singular.",
            2.2, 3),
        new("Verb tenses", "corpus://english/verbs-tenses.md#present-simple", "local",
            "The present simple describes habits and facts that are always true.\n\n- Add **-s** to the verb after *he*, *she* and *it*: she works.\n- Use *do* or *does* to make questions: Does he work here?",
            1.9, 4),
        new("Phrasal verb", "https://en.wikipedia.org/wiki/Phrasal_verb", "wikipedia",
            "A phrasal verb combines a verb with a particle, such as *look up* or *give in*. Its meaning is often different from the meaning of the verb alone: to **give up** means to stop trying.",
            1.5, 5),
    ];

    public static LessonOutline Outline { get; } = new(
        "English verbs: past forms and modals",
        "How irregular verbs form their past, and how modal verbs are used.",
        ["Form the past simple of common irregular verbs", "Use modal verbs with the base form"],
        [
            new OutlineSection("Irregular past forms", ["go becomes went", "see becomes saw"]),
            new OutlineSection("Modal verbs", ["can, must and should", "no to after a modal"]),
        ]);

    public static IReadOnlyList<LessonSection> Sections { get; } =
    [
        new("Irregular past forms", "Regular verbs add -ed [1]. The past simple of *go* is **went** [1]; its participle is **gone** [2].", [1, 2]),
        new("Modal verbs", "Modal verbs such as **can** express ability and take the base form without *to* [3].", [3]),
    ];

    public static IReadOnlyList<Exercise> Exercises { get; } =
    [
        new("Write the past simple of go.", "went"),
        new("Correct the sentence: She can to swim.", "She can swim."),
    ];

    public static IReadOnlyList<QuizQuestion> Quiz { get; } =
    [
        new("What is the past simple of see?", ["seed", "saw", "seen"], 1, "See is irregular: see, saw, seen."),
        new("Which word is a modal verb?", ["must", "walk"], 0, "Must expresses obligation."),
    ];

    public static LessonDraft Draft { get; } = new(Outline, Sections, Exercises, Quiz);

    public static string Json(object value) => JsonSerializer.Serialize(value, ChatReply.Web);
}
