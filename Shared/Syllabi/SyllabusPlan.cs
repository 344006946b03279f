namespace DurableLessons.Shared.Syllabi;

/// <summary>Who a syllabus is for: what the syllabus step is asked to plan.</summary>
public sealed record SyllabusBrief(string Topic, string Level, string? Goals, string Language);

public sealed record LessonPlan(string Title, string Summary, IReadOnlyList<string> Objectives, int EstimatedMinutes);

public sealed record ModulePlan(string Title, IReadOnlyList<LessonPlan> Lessons);

/// <summary>What the syllabus step returns: modules of lesson plans, in teaching order.</summary>
public sealed record SyllabusPlan(IReadOnlyList<ModulePlan> Modules);
