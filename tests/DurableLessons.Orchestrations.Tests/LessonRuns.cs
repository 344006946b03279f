namespace DurableLessons.Orchestrations.Tests;

/// <summary>Starting the product's orchestrations the way its starters do: under each lesson's singleton run id.</summary>
internal static class LessonRuns
{
    public static LessonRunInput Input(string subject, string topic, LessonLevel level = LessonLevel.Beginner, params string[] sources) =>
        new(subject, topic, level) { Sources = sources.Length == 0 ? null : sources };

    public static Task<string> StartAsync(this LessonTestEngine lessons, LessonRunInput input) =>
        lessons.Engine.RunAsync(OrchestrationNames.LessonGeneration, input, input.Key.RunInstanceId);

    /// <summary>Runs a lesson to its end and returns the finished instance, whatever its status.</summary>
    public static async Task<OrchestrationMetadata> RunLessonAsync(this LessonTestEngine lessons, LessonRunInput input) =>
        await lessons.Engine.WaitAsync(await lessons.StartAsync(input));

    public static void AssertCompleted(this OrchestrationMetadata run) =>
        Assert.True(
            run.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{run.Name} '{run.InstanceId}' ended {run.RuntimeStatus}: {run.FailureDetails?.ErrorMessage ?? run.SerializedOutput}");

    /// <summary>The failure message of a run that must have failed.</summary>
    public static string AssertFailed(this OrchestrationMetadata run)
    {
        Assert.True(
            run.RuntimeStatus == OrchestrationRuntimeStatus.Failed,
            $"{run.Name} '{run.InstanceId}' ended {run.RuntimeStatus}, not Failed: {run.SerializedOutput}");
        Assert.NotNull(run.FailureDetails);
        return run.FailureDetails.ErrorMessage;
    }
}
