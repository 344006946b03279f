using DurableLessons.Activities.Syllabi;
using DurableLessons.Shared.Lessons;
using DurableLessons.Shared.Syllabi;
using Microsoft.Azure.Functions.Worker;

namespace DurableLessons.Hosts.Functions.Triggers.Activities;

/// <summary>The syllabus activities.</summary>
public static class SyllabusActivityFunctions
{
    [Function(SyllabusActivityNames.WriteSyllabus)]
    public static Task<AuthorStepOutput> WriteSyllabus([ActivityTrigger] WriteSyllabusInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<WriteSyllabusActivity, WriteSyllabusInput, AuthorStepOutput>(context, input);

    [Function(SyllabusActivityNames.SaveSyllabus)]
    public static Task<SaveSyllabusOutput> SaveSyllabus([ActivityTrigger] SaveSyllabusInput input, FunctionContext context) =>
        ActivityInvocation.RunAsync<SaveSyllabusActivity, SaveSyllabusInput, SaveSyllabusOutput>(context, input);
}
